package id.antrean.booking;

import id.antrean.web.UniqueViolation;
import id.antrean.auth.Actor;
import id.antrean.auth.AuditLog;
import id.antrean.bpjs.settings.BpjsSettingsStore;
import id.antrean.closure.Closures;
import id.antrean.eligibility.CardNumber;
import id.antrean.eligibility.Eligibility;
import id.antrean.eligibility.EligibilityReason;
import id.antrean.eligibility.EligibilityService;
import id.antrean.eligibility.Identity;
import id.antrean.events.EventType;
import id.antrean.facility.Facility;
import id.antrean.queue.Ticket;
import id.antrean.queue.TicketNumbers;
import id.antrean.queue.TicketStatus;
import id.antrean.queue.TicketView;
import id.antrean.queue.WaitEstimator;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online bookings (Mobile JKN): take a number for a day to come, cancel it, and say where it stands. A booked
 * number comes from the same per-poli sequence as walk-ins ({@link TicketNumbers}) and is held as BOOKED until the
 * patient arrives ({@link CheckIn}); bookings never checked in become no-shows ({@link NoShowSweep}).
 */
public final class OnlineBookings {
    /** Mobile JKN acting on the facility's queue, as the audit log names it. */
    public static final Actor MOBILE_JKN = new Actor("SYSTEM", null, "mobile-jkn");

    /** The records of the card and of the NIK: one, two (the NIK is someone else's), or none. */
    static final String PATIENTS_BY_CARD_OR_NIK = """
            SELECT card_number, nik FROM patient WHERE facility_id = $1 AND (card_number = $2 OR nik = $3)""";
    static final String TICKET_OF_CARD = TicketView.selectFrom("ticket") + """
            WHERE t.facility_id = $1 AND t.home_service_id = $2 AND t.service_date = $3 AND t.card_number = $4
            ORDER BY (t.status = 'CANCELLED'), t.ticket_id DESC
            LIMIT 1""";
    static final String DAY_COUNTS = """
            SELECT count(*) FILTER (WHERE status NOT IN ('CANCELLED')) AS taken,
                   count(*) FILTER (WHERE status NOT IN ('CANCELLED') AND source = 'ONLINE') AS online,
                   count(*) FILTER (WHERE status IN ('WAITING', 'BOOKED')) AS ahead
            FROM ticket WHERE facility_id = $1 AND home_service_id = $2 AND service_date = $3""";
    static final String INSERT_BOOKING = """
            WITH booked AS (
                INSERT INTO ticket (facility_id, home_service_id, service_date, number, label, service_id, status, source,
                                    payer, card_number, nik, priority, queue_order, issued_at, queued_at, line_at,
                                    estimated_at, updated_at, idempotency_key, request_hash, booking, eligibility,
                                    eligibility_source, eligibility_checked_at)
                VALUES ($1, $2, $3, $4,
                        %s,
                        $2, 'BOOKED', 'ONLINE', 'JKN', $6, $7, false, nextval('ticket_queue_order'), $8, $8, $9, $16, $8,
                        $10, $11, $12, $13, $14, $15)
                RETURNING *)
            """.formatted(TicketNumbers.label("$5", "$4")) + TicketView.selectFrom("booked");
    static final String LOCK = """
            SELECT status, service_date, home_service_id FROM ticket WHERE facility_id = $1 AND ticket_id = $2 FOR UPDATE""";
    static final String CANCEL = """
            WITH cancelled AS (
                UPDATE ticket SET status = 'CANCELLED', updated_at = $3,
                                  booking = coalesce(booking, '{}'::jsonb) || jsonb_build_object('cancelReason', $4::text)
                WHERE facility_id = $1 AND ticket_id = $2
                RETURNING *)
            """ + TicketView.selectFrom("cancelled");
    static final String AHEAD = """
            SELECT count(*) AS ahead FROM ticket
            WHERE facility_id = $1 AND home_service_id = $2 AND service_date = $3 AND number < $4
              AND status IN ('BOOKED', 'WAITING')""";
    static final String DAY = """
            SELECT count(*) FILTER (WHERE status <> 'CANCELLED') AS total,
                   count(*) FILTER (WHERE status <> 'CANCELLED' AND source = 'ONLINE') AS online,
                   count(*) FILTER (WHERE status IN ('BOOKED', 'WAITING')) AS remaining,
                   (SELECT label FROM ticket c
                    WHERE c.facility_id = $1 AND c.service_id = $2 AND c.service_date = $3
                      AND c.status IN ('CALLED', 'SERVING')
                    ORDER BY c.called_at DESC LIMIT 1) AS now_calling
            FROM ticket WHERE facility_id = $1 AND home_service_id = $2 AND service_date = $3""";

    /** A booking still open: a ticket already checked in, served or cancelled keeps what it has. */
    static final String RECORD_ELIGIBILITY = """
            WITH checked AS (
                UPDATE ticket SET eligibility = $3, eligibility_source = $4, eligibility_checked_at = $5, updated_at = $6
                WHERE facility_id = $1 AND ticket_id = $2 AND status = 'BOOKED'
                RETURNING *)
            """ + TicketView.selectFrom("checked");

    private static final Logger LOG = LoggerFactory.getLogger(OnlineBookings.class);

    private final Pool pool;
    private final EligibilityService eligibility;
    private final WaitEstimator estimator;
    private final Clock clock;

    public OnlineBookings(Pool pool, EligibilityService eligibility, WaitEstimator estimator, Clock clock) {
        this.pool = pool;
        this.eligibility = eligibility;
        this.estimator = estimator;
        this.clock = clock;
    }

    /** Takes a number for a day to come (or today), under every booking rule of the contract. */
    public Future<Standing> book(Facility facility, Poli poli, BookingRequest request) {
        LocalDate today = facility.today(clock);
        if (request.date().isBefore(today)) {
            return Future.failedFuture(new BookingRefused(Refusal.DATE_IN_PAST));
        }
        if (request.date().isAfter(today.plusDays(bookingWindow(facility)))) {
            return Future.failedFuture(new BookingRefused(Refusal.BEYOND_WINDOW, Map.of("days", bookingWindow(facility))));
        }
        return Polis.schedule(pool, facility, poli, request.date()).compose(schedule -> {
                    if (schedule.isEmpty() || !poli.service().open()) {
                        throw new BookingRefused(Refusal.NO_SCHEDULE, Map.of("poli", poli.service().name()));
                    }
                    return practice(facility, schedule.get(), request).map(schedule);
                }).compose(schedule -> {
                    if (request.date().equals(today)
                            && !LocalTime.ofInstant(clock.instant(), facility.zone()).isBefore(schedule.get().closes())) {
                        throw new BookingRefused(Refusal.CLOSED_FOR_TODAY, Map.of("poli", poli.service().name(),
                                "closes", schedule.get().closes().toString()));
                    }
                    return closure(facility, poli, request.date()).compose(open -> knownPatient(facility, request))
                            .compose(v -> BpjsSettingsStore.read(pool, facility))
                            .compose(settings -> settings.refusesIneligibleBookings()
                                    ? checkedFirst(facility, poli, schedule.get(), request)
                                    : recordedAfter(facility, poli, schedule.get(), request));
                });
    }

    /** The facility refuses ineligible bookings: PCare is asked first, and a refusal says why. */
    private Future<Standing> checkedFirst(Facility facility, Poli poli, Schedule schedule, BookingRequest request) {
        return eligibility.check(facility, new Identity.Card(request.card()), poli.service().dental())
                .compose(checked -> {
                    if (!checked.eligible()) {
                        throw new BookingRefused(Refusal.NOT_ELIGIBLE, Map.of("message", checked.message().id()));
                    }
                    return taken(facility, poli, schedule, request, checked);
                });
    }

    /**
     * The default: Mobile JKN has already allowed the booking (no reference implementation checks again), so it is
     * taken without waiting for PCare; the eligibility is checked afterwards and recorded on the ticket, where staff
     * see it (the queue's badge) when the patient arrives.
     */
    private Future<Standing> recordedAfter(Facility facility, Poli poli, Schedule schedule, BookingRequest request) {
        // Until the check is back the ticket says UNVERIFIED, as for any JKN ticket whose check has not answered.
        Eligibility pending = new Eligibility(EligibilityReason.UNVERIFIED, null, null, Eligibility.Source.BPJS,
                clock.instant(), facility.name());
        return taken(facility, poli, schedule, request, pending).onSuccess(standing ->
                eligibility.check(facility, new Identity.Card(request.card()), poli.service().dental())
                        .compose(checked -> record(facility, standing.ticket(), checked))
                        .onFailure(e -> LOG.warn("Eligibility of booking {} at {} not recorded: {}",
                                standing.ticket().id(), facility.code(), e.toString())));
    }

    private Future<Standing> taken(Facility facility, Poli poli, Schedule schedule, BookingRequest request,
                                   Eligibility checked) {
        return estimator.paces(facility).compose(paces -> pool.withTransaction(tx ->
                        insert(tx, facility, poli, schedule, request, checked,
                                WaitEstimator.pace(paces, poli.service().id()))))
                .recover(OnlineBookings::secondBookingRefused);
    }

    /** The check a booking carries from now on, announced like any change of a ticket (consoles redraw its badge). */
    private Future<Void> record(Facility facility, Ticket booked, Eligibility checked) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> tx.preparedQuery(RECORD_ELIGIBILITY).execute(Tuple.of(facility.id(),
                        booked.id(), checked.reason().name(), checked.source().name(),
                        checked.checkedAt().atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC)))
                .compose(rows -> rows.size() == 0 ? Future.succeededFuture()
                        : BookingEvents.append(tx, facility, EventType.TICKET_UPDATED,
                                TicketView.map(rows.iterator().next()), now)));
    }

    /**
     * The same card booking twice at the same moment: both pass the check before either commits, and the unique
     * index {@code ticket_one_booking_per_card} stops the second (its transaction, number included, rolls back).
     */
    private static <T> Future<T> secondBookingRefused(Throwable e) {
        if (UniqueViolation.constraint(e).filter("ticket_one_booking_per_card"::equals).isPresent()) {
            return Future.failedFuture(new BookingRefused(Refusal.ALREADY_BOOKED));
        }
        return Future.failedFuture(e);
    }

    private int bookingWindow(Facility facility) {
        return facility.bookingWindowDays();
    }

    /** The number a booking takes, and how many of the day's patients are still to be called before it. */
    private record Slot(int number, int ahead) {
    }

    private Future<Standing> insert(SqlConnection tx, Facility facility, Poli poli, Schedule schedule, BookingRequest request,
                                    Eligibility checked, WaitEstimator.Pace pace) {
        long serviceId = poli.service().id();
        return tx.preparedQuery(TICKET_OF_CARD)
                .execute(Tuple.of(facility.id(), serviceId, request.date(), request.card().value()))
                .compose(existing -> {
                    if (existing.size() > 0 && TicketView.map(existing.iterator().next()).status() != TicketStatus.CANCELLED) {
                        throw new BookingRefused(Refusal.ALREADY_BOOKED);
                    }
                    return TicketNumbers.take(tx, facility.id(), serviceId, request.date());
                })
                .compose(number -> tx.preparedQuery(DAY_COUNTS).execute(Tuple.of(facility.id(), serviceId, request.date()))
                        .map(counts -> {
                            Row row = counts.iterator().next();
                            if (poli.dailyQuota() != null && row.getLong("taken") >= poli.dailyQuota()
                                    || poli.jknQuota() != null && row.getLong("online") >= poli.jknQuota()) {
                                throw new BookingRefused(Refusal.QUOTA_FULL, Map.of("poli", poli.service().name()));
                            }
                            return new Slot(number, row.getLong("ahead").intValue());
                        }))
                .compose(slot -> {
                    int number = slot.number();
                    Instant now = clock.instant();
                    Instant opens = request.date().atTime(schedule.opens()).atZone(facility.zone()).toInstant();
                    Instant fromOpening = opens.plusSeconds(minutes(pace, number - 1) * 60L);
                    // Once the day is under way, what counts is who is still to be called, at today's pace.
                    Instant fromNow = now.plusSeconds(minutes(pace, slot.ahead()) * 60L);
                    Instant inLineFrom = fromOpening.isAfter(fromNow) ? fromOpening : fromNow;
                    // Without a basis for an estimate the patient is told no time (the contract's "keterangan"
                    // then only asks them to come and confirm) and stands in line from the opening or now.
                    Instant estimated = pace.known() ? inLineFrom : null;
                    JsonObject booking = new JsonObject().put("nohp", request.phone()).put("keluhan", request.complaint());
                    Tuple params = Tuple.tuple()
                            .addLong(facility.id()).addLong(serviceId).addLocalDate(request.date()).addInteger(number)
                            .addString(poli.service().prefix())
                            .addString(request.card().value())
                            .addString(request.nik() == null ? null : request.nik().value())
                            .addOffsetDateTime(now.atOffset(ZoneOffset.UTC))
                            .addOffsetDateTime(inLineFrom.atOffset(ZoneOffset.UTC))
                            .addString("mobilejkn:" + UUID.randomUUID())
                            .addString("mobilejkn")
                            .addValue(booking)
                            .addString(checked.reason().name())
                            .addString(checked.source().name())
                            .addOffsetDateTime(checked.checkedAt().atOffset(ZoneOffset.UTC))
                            .addOffsetDateTime(estimated == null ? null : estimated.atOffset(ZoneOffset.UTC));
                    return tx.preparedQuery(INSERT_BOOKING).execute(params).compose(rows -> {
                        Ticket ticket = TicketView.map(rows.iterator().next());
                        return BookingEvents.append(tx, facility, EventType.TICKET_BOOKED, ticket, now)
                                .compose(v -> standing(tx, facility, poli, schedule, ticket));
                    });
                });
    }

    /** The pace's minutes, or none when it has no basis (the booking then lines up from the opening or now). */
    private static int minutes(WaitEstimator.Pace pace, int ahead) {
        Integer minutes = pace.minutesFor(ahead);
        return minutes == null ? 0 : minutes;
    }

    /** Mobile JKN's cancel: only before the patient was served. */
    public Future<Ticket> cancel(Facility facility, CardNumber card, Poli poli, LocalDate date, String reason) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> tx.preparedQuery(TICKET_OF_CARD)
                .execute(Tuple.of(facility.id(), poli.service().id(), date, card.value()))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        throw new BookingRefused(Refusal.NOT_FOUND);
                    }
                    Ticket ticket = TicketView.map(rows.iterator().next());
                    switch (ticket.status()) {
                        case CANCELLED -> throw new BookingRefused(Refusal.ALREADY_CANCELLED);
                        case CALLED, SERVING, PARKED, DONE -> throw new BookingRefused(Refusal.ALREADY_SERVED);
                        default -> { }
                    }
                    return tx.preparedQuery(LOCK).execute(Tuple.of(facility.id(), ticket.id()))
                            .compose(locked -> {
                                TicketStatus now2 = TicketStatus.valueOf(locked.iterator().next().getString("status"));
                                if (now2 == TicketStatus.CALLED || now2 == TicketStatus.SERVING || now2 == TicketStatus.DONE
                                        || now2 == TicketStatus.PARKED) {
                                    throw new BookingRefused(Refusal.ALREADY_SERVED);
                                }
                                return tx.preparedQuery(CANCEL)
                                        .execute(Tuple.of(facility.id(), ticket.id(), now.atOffset(ZoneOffset.UTC), reason));
                            })
                            .compose(cancelled -> {
                                Ticket after = TicketView.map(cancelled.iterator().next());
                                return BookingEvents.append(tx, facility, EventType.TICKET_CANCELLED, after, now)
                                        .compose(v -> AuditLog.append(tx, facility.id(), MOBILE_JKN, "CANCEL", after.id(),
                                                new JsonObject().put("reason", reason), now))
                                        .map(after);
                            });
                }));
    }

    /** The participant's ticket at that poli on that day, with how many are still before them. */
    public Future<Standing> standing(Facility facility, CardNumber card, Poli poli, LocalDate date) {
        return pool.preparedQuery(TICKET_OF_CARD)
                .execute(Tuple.of(facility.id(), poli.service().id(), date, card.value()))
                .compose(rows -> {
                    if (rows.size() == 0 || TicketView.map(rows.iterator().next()).status() == TicketStatus.CANCELLED) {
                        throw new BookingRefused(Refusal.NOT_FOUND);
                    }
                    Ticket ticket = TicketView.map(rows.iterator().next());
                    return Polis.schedule(pool, facility, poli, date).compose(schedule ->
                            standing(pool, facility, poli, schedule.orElse(null), ticket));
                });
    }

    /** A poli closed that day (its own closure or the whole facility's) takes no bookings and reports no status. */
    private Future<Void> closure(Facility facility, Poli poli, LocalDate date) {
        return Closures.reason(pool, facility, poli.service().id(), date).map(reason -> {
            if (reason.isPresent()) {
                throw new BookingRefused(Refusal.CLOSED_ON_DATE, Map.of("poli", poli.service().name(),
                        "reason", reason.get()));
            }
            return null;
        });
    }

    /** A poli's day, for Mobile JKN's status call. */
    public Future<PoliDay> day(Facility facility, Poli poli, LocalDate date) {
        // As for a booking: the references refuse a past day's status too.
        if (date.isBefore(facility.today(clock))) {
            return Future.failedFuture(new BookingRefused(Refusal.DATE_IN_PAST));
        }
        return closure(facility, poli, date).compose(open -> Polis.schedule(pool, facility, poli, date)).compose(schedule ->
                pool.preparedQuery(DAY).execute(Tuple.of(facility.id(), poli.service().id(), date)).map(rows -> {
                    Row row = rows.iterator().next();
                    return new PoliDay(poli, schedule.orElse(null), row.getLong("total").intValue(),
                            row.getLong("online").intValue(), row.getLong("remaining").intValue(),
                            row.getString("now_calling"));
                }));
    }

    /**
     * The card has a record here (otherwise 202: the caller registers the patient), and the NIK sent is the card's:
     * a NIK on another card's record, or a card whose record holds another NIK, is refused. This comes first, so a
     * card without a record but someone else's NIK is told so rather than sent to register (where it would be
     * "already registered").
     */
    private Future<Void> knownPatient(Facility facility, BookingRequest request) {
        String card = request.card().value();
        String nik = request.nik() == null ? null : request.nik().value();
        return pool.preparedQuery(PATIENTS_BY_CARD_OR_NIK).execute(Tuple.of(facility.id(), card, nik)).map(rows -> {
            boolean known = false;
            for (Row row : rows) {
                boolean sameCard = card.equals(row.getString("card_number"));
                String recordNik = row.getString("nik");
                if (nik != null && (sameCard ? recordNik != null && !recordNik.equals(nik) : nik.equals(recordNik))) {
                    throw new BookingRefused(Refusal.NIK_OF_ANOTHER_CARD);
                }
                known |= sameCard;
            }
            if (!known) {
                throw new BookingRefused(Refusal.PATIENT_UNKNOWN);
            }
            return null;
        });
    }

    /**
     * The doctor and hours sent ({@code kodedokter}, {@code jampraktek}) are the poli's that day, when sent (the older
     * body has neither). As Khanza checks them: a doctor code of nobody practising here is "not found"; one who
     * practises at another poli or day, or other hours, is no practice of this poli that day.
     */
    private Future<Void> practice(Facility facility, Schedule schedule, BookingRequest request) {
        return doctor(facility, schedule, request.doctor()).map(v -> {
            if (request.hours() != null && !request.hours().sameAs(schedule)) {
                throw new BookingRefused(Refusal.NO_SCHEDULE);
            }
            return null;
        });
    }

    private Future<Void> doctor(Facility facility, Schedule schedule, String doctor) {
        if (doctor == null || schedule.doctorCode() == null) {
            // A schedule without a BPJS doctor code (not set up yet) has nothing to compare the caller's with.
            return Future.succeededFuture();
        }
        Integer sent = doctorCode(doctor);
        if (sent == null) {
            return Future.failedFuture(new BookingRefused(Refusal.DOCTOR_NOT_FOUND));
        }
        if (sent.equals(schedule.doctorCode())) {
            return Future.succeededFuture();
        }
        return Polis.doctorPractisesHere(pool, facility, sent).map(here -> {
            throw new BookingRefused(here ? Refusal.NO_SCHEDULE : Refusal.DOCTOR_NOT_FOUND);
        });
    }

    /** A BPJS doctor code as digits ("123451", or 123451 sent as a number); null when it cannot be one. */
    private static Integer doctorCode(String text) {
        if (!text.matches("[0-9]{1,9}")) {
            return null;
        }
        return Integer.valueOf(text);
    }

    private Future<Standing> standing(SqlClient db, Facility facility, Poli poli, Schedule schedule, Ticket ticket) {
        return db.preparedQuery(AHEAD)
                .execute(Tuple.of(facility.id(), poli.service().id(), ticket.serviceDate(), ticket.number()))
                .compose(ahead -> db.preparedQuery(DAY)
                        .execute(Tuple.of(facility.id(), poli.service().id(), ticket.serviceDate()))
                        .map(day -> new Standing(ticket, poli, schedule, ahead.iterator().next().getLong("ahead").intValue(),
                                day.iterator().next().getString("now_calling"))));
    }
}
