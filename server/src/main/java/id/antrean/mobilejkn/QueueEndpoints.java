package id.antrean.mobilejkn;

import id.antrean.eligibility.CardNumber;
import id.antrean.eligibility.Nik;
import id.antrean.facility.Facility;
import id.antrean.mobilejkn.ContractMessages.Field;
import id.antrean.booking.BookingRequest;
import id.antrean.booking.OnlineBookings;
import id.antrean.booking.Poli;
import id.antrean.booking.PoliDay;
import id.antrean.booking.PracticeHours;
import id.antrean.booking.Polis;
import id.antrean.booking.Schedule;
import id.antrean.queue.TicketStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Calls 2–5 of the contract: a poli's status on a date, taking a number, one's place in line, cancelling.
 * Input is checked in the contract's order (card, NIK, poli, date, …) before the booking domain applies its
 * rules; its refusals are worded by {@link ContractMessages}.
 */
final class QueueEndpoints {
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");
    /** What follows the poli's letter in {@code antreanpanggil} when nobody is being called yet. */
    static final String NOBODY_CALLED = "-000";

    private final Polis polis;
    private final OnlineBookings bookings;
    private final Clock clock;

    QueueEndpoints(Polis polis, OnlineBookings bookings, Clock clock) {
        this.polis = polis;
        this.bookings = bookings;
        this.clock = clock;
    }

    /** {@code GET /antrean/status/{kodepoli}/{tanggalperiksa}}: the newer shape, one element per doctor. */
    Future<JsonObject> status(RoutingContext rc, Facility facility) {
        String poliCode = ContractInput.poliCode(rc.pathParam("kodepoli"));
        return polis.poli(facility, poliCode).compose(poli -> {
            LocalDate date = ContractInput.date(rc.pathParam("tanggalperiksa"), ContractMessages.DATE_FORMAT);
            return bookings.day(facility, poli, date).map(day -> statusOf(facility, date, day));
        });
    }

    private JsonObject statusOf(Facility facility, LocalDate date, PoliDay day) {
        if (day.schedule() == null) {
            throw ContractRefusal.of(ContractMessages.NO_SCHEDULE);
        }
        Schedule schedule = day.schedule();
        String hours = schedule.opens().format(HOURS) + "-" + schedule.closes().format(HOURS);
        boolean closedForToday = date.equals(facility.today(clock))
                && !LocalTime.ofInstant(clock.instant(), facility.zone()).isBefore(schedule.closes());
        return Envelope.ok(new JsonArray().add(new JsonObject()
                .put("namapoli", day.poli().service().name())
                .put("totalantrean", day.total())
                .put("sisaantrean", day.remaining())
                .put("antreanpanggil", calling(day.poli(), day.nowCalling()))
                .put("keterangan", ContractMessages.statusNote(day.poli().service().name(), hours, schedule.closes(),
                        facility.zone(), closedForToday, day.full()))
                .put("kodedokter", schedule.doctorCode())
                .put("namadokter", schedule.doctorName())
                .put("jampraktek", hours)));
    }

    /**
     * {@code POST /antrean}: the newer body ({@code nohp, keluhan, kodedokter, jampraktek, norm} besides) or the
     * older four fields. {@code kodedokter} and {@code jampraktek}, when sent, must be the poli's doctor and hours
     * that day (one doctor per poli and day here).
     */
    Future<JsonObject> book(RoutingContext rc, Facility facility) {
        JsonObject body = ContractInput.body(rc.body().buffer());
        CardNumber card = ContractInput.card(ContractInput.text(body, "nomorkartu", ContractMessages.CARD_FORMAT));
        Nik nik = ContractInput.nik(ContractInput.text(body, "nik", ContractMessages.NIK_FORMAT));
        String poliCode = ContractInput.poliCode(ContractInput.text(body, "kodepoli", ContractMessages.POLI_NOT_FOUND));
        String rawDate = ContractInput.text(body, "tanggalperiksa", ContractMessages.DATE_FORMAT);
        String phone = ContractInput.text(body, "nohp", ContractMessages.format(Field.PHONE.label()));
        String complaint = ContractInput.text(body, "keluhan", ContractMessages.format(ContractMessages.LABEL_COMPLAINT));
        String doctor = ContractInput.text(body, "kodedokter", ContractMessages.format(ContractMessages.LABEL_DOCTOR));
        PracticeHours hours = ContractInput.practiceHours(
                ContractInput.text(body, "jampraktek", ContractMessages.format(ContractMessages.LABEL_HOURS)));
        ContractInput.text(body, "norm", ContractMessages.format(ContractMessages.LABEL_RECORD_NUMBER));
        return polis.poli(facility, poliCode).compose(poli -> {
            LocalDate date = ContractInput.date(rawDate, ContractMessages.DATE_FORMAT);
            return bookings.book(facility, poli, new BookingRequest(card, nik, ContractInput.freeText(phone, 30), date,
                    ContractInput.freeText(complaint, 500), doctor, hours));
        }).map(standing -> Envelope.ok(new JsonObject()
                .put("nomorantrean", standing.ticket().label())
                .put("angkaantrean", standing.ticket().number())
                .put("namapoli", standing.poli().service().name())
                .put("sisaantrean", standing.ahead())
                .put("antreanpanggil", calling(standing.poli(), standing.nowCalling()))
                .put("keterangan", ContractMessages.arrival(standing.ticket().estimatedAt(), clock.instant(),
                        facility.zone()))));
    }

    /** {@code GET /antrean/sisapeserta/{nomorkartu}/{kodepoli}/{tanggalperiksa}}: one's place in line. */
    Future<JsonObject> remaining(RoutingContext rc, Facility facility) {
        CardNumber card = ContractInput.card(rc.pathParam("nomorkartu"));
        String poliCode = ContractInput.poliCode(rc.pathParam("kodepoli"));
        return polis.poli(facility, poliCode).compose(poli -> {
            LocalDate date = ContractInput.date(rc.pathParam("tanggalperiksa"), ContractMessages.DATE_FORMAT);
            return bookings.standing(facility, card, poli, date);
        }).map(standing -> {
            TicketStatus status = standing.ticket().status();
            boolean inLine = status == TicketStatus.BOOKED || status == TicketStatus.WAITING;
            String note = status == TicketStatus.BOOKED
                    ? ContractMessages.arrival(standing.ticket().estimatedAt(), clock.instant(), facility.zone())
                    : ContractMessages.afterArrival(status);
            return Envelope.ok(new JsonObject()
                    .put("nomorantrean", standing.ticket().label())
                    .put("namapoli", standing.poli().service().name())
                    // Once called (or gone), nobody stands before the patient any more.
                    .put("sisaantrean", inLine ? standing.ahead() : 0)
                    .put("antreanpanggil", calling(standing.poli(), standing.nowCalling()))
                    .put("keterangan", note == null ? "" : note));
        });
    }

    /** {@code PUT /antrean/batal}: cancels the number, unless the patient was already called or served. */
    Future<JsonObject> cancel(RoutingContext rc, Facility facility) {
        JsonObject body = ContractInput.body(rc.body().buffer());
        CardNumber card = ContractInput.card(ContractInput.text(body, "nomorkartu", ContractMessages.CARD_FORMAT));
        String poliCode = ContractInput.poliCode(ContractInput.text(body, "kodepoli", ContractMessages.POLI_NOT_FOUND));
        String rawDate = ContractInput.text(body, "tanggalperiksa", ContractMessages.DATE_FORMAT);
        String reason = ContractInput.freeText(ContractInput.text(body, "keterangan",
                ContractMessages.format(ContractMessages.LABEL_REASON)), 500);
        return polis.poli(facility, poliCode).compose(poli -> {
            LocalDate date = ContractInput.date(rawDate, ContractMessages.DATE_FORMAT);
            if (reason == null) {
                throw ContractRefusal.of(ContractMessages.REASON_REQUIRED);
            }
            return bookings.cancel(facility, card, poli, date, reason);
        }).map(cancelled -> Envelope.ok());
    }

    /**
     * Who is being served now, or, before anyone is, the poli's number zero ({@code "A-000"}): a queue number's form,
     * as mLITE answers then (Khanza always names a number), never a dash a caller cannot read as one.
     */
    private static String calling(Poli poli, String label) {
        return label == null ? poli.service().prefix() + NOBODY_CALLED : label;
    }

}
