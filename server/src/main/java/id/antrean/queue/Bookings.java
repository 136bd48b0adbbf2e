package id.antrean.queue;

import id.antrean.auth.Actor;
import id.antrean.auth.AuditLog;
import id.antrean.bpjs.outbox.BpjsOutbox;
import id.antrean.eligibility.CardNumber;
import id.antrean.eligibility.Eligibility;
import id.antrean.eligibility.EligibilityService;
import id.antrean.eligibility.Identity;
import id.antrean.eligibility.Nik;
import id.antrean.events.EventLog;
import id.antrean.events.QueueEvent;
import id.antrean.facility.Facility;
import id.antrean.facility.FacilityDirectory;
import id.antrean.facility.Service;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Online bookings (Mobile JKN): a number from the same per-poli sequence as walk-ins, held as BOOKED until
 * the patient arrives. The fairness rule: a patient stands in line from the moment they are here — and a
 * booked patient not before the time estimated for them at booking. Arriving early, they wait for that time;
 * arriving late, they join the line at once, behind whoever is already in it. Bookings not checked in by the
 * service's closing time become no-shows.
 */
public final class Bookings {

    /** Why a booking request is refused. The Mobile JKN contract layer words each one as BPJS specifies. */
    public enum Refusal {
        POLI_NOT_FOUND, DATE_IN_PAST, BEYOND_WINDOW, NO_SCHEDULE, CLOSED_FOR_TODAY, QUOTA_FULL, PATIENT_UNKNOWN,
        NOT_ELIGIBLE, ALREADY_BOOKED, NOT_FOUND, ALREADY_CANCELLED, ALREADY_SERVED
    }

    /** A refused request; {@code details} holds what the answer needs (poli name, closing time, ...). */
    public static final class Refused extends RuntimeException {
        private final Refusal reason;
        private final transient Map<String, Object> details;

        Refused(Refusal reason, Map<String, Object> details) {
            super(reason.name(), null, false, false);
            this.reason = reason;
            this.details = details;
        }

        Refused(Refusal reason) {
            this(reason, Map.of());
        }

        public Refusal reason() {
            return reason;
        }

        public Map<String, Object> details() {
            return details;
        }
    }

    /** Take-a-number, as Mobile JKN asks it. */
    public record Request(CardNumber card, Nik nik, String phone, String poliCode, LocalDate date, String complaint) {
    }

    /** A service with what booking needs: its BPJS poli code and quotas. */
    public record Poli(Service service, String bpjsCode, Integer dailyQuota, Integer jknQuota) {
    }

    /** The service's hours on a weekday, and its doctor as BPJS knows them. */
    public record Schedule(LocalTime opens, LocalTime closes, Integer doctorCode, String doctorName) {
        public String hours() {
            return opens + "-" + closes;
        }
    }

    /**
     * A ticket as Mobile JKN sees it: its poli, how many are still before it, who is being called now.
     *
     * @param nowCalling the label being served now in that poli, or null
     */
    public record Standing(Ticket ticket, Poli poli, Schedule schedule, int ahead, String nowCalling) {
    }

    /** A poli's day: how many numbers, how many still to be served, who is being called now. */
    public record PoliDay(Poli poli, Schedule schedule, int total, int remaining, String nowCalling) {
    }

    static final String POLI_BY_CODE = """
            SELECT service_id, code, name, prefix, is_open, bpjs_code, daily_quota, jkn_quota
            FROM service WHERE facility_id = $1 AND bpjs_code = $2""";
    static final String SCHEDULE = """
            SELECT opens_at, closes_at, doctor_code, doctor_name FROM service_schedule
            WHERE facility_id = $1 AND service_id = $2 AND weekday = $3""";
    static final String PATIENT_BY_CARD = """
            SELECT norm FROM patient WHERE facility_id = $1 AND card_number = $2""";
    static final String TICKET_OF_CARD = TicketView.selectFrom("ticket") + """
            WHERE t.facility_id = $1 AND t.home_service_id = $2 AND t.service_date = $3 AND t.card_number = $4
            ORDER BY (t.status = 'CANCELLED'), t.ticket_id DESC
            LIMIT 1""";
    static final String BUMP_SEQUENCE = """
            INSERT INTO queue_day_sequence AS q (facility_id, service_id, service_date, last_number)
            VALUES ($1, $2, $3, 1)
            ON CONFLICT (facility_id, service_id, service_date) DO UPDATE SET last_number = q.last_number + 1
            RETURNING last_number""";
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
                        $5 || '-' || CASE WHEN $4 < 1000 THEN lpad($4::text, 3, '0') ELSE $4::text END,
                        $2, 'BOOKED', 'ONLINE', 'JKN', $6, $7, false, nextval('ticket_queue_order'), $8, $8, $9, $9, $8,
                        $10, $11, $12, $13, $14, $15)
                RETURNING *)
            """ + TicketView.selectFrom("booked");
    static final String LOCK = """
            SELECT status, service_date FROM ticket WHERE facility_id = $1 AND ticket_id = $2 FOR UPDATE""";
    static final String CHECK_IN = """
            WITH arrived AS (
                UPDATE ticket SET status = 'WAITING', checked_in_at = $3, queued_at = $3,
                                  line_at = greatest($3, coalesce(estimated_at, $3)),
                                  queue_order = nextval('ticket_queue_order'), updated_at = $3
                WHERE facility_id = $1 AND ticket_id = $2
                RETURNING *)
            """ + TicketView.selectFrom("arrived");
    static final String CANCEL = """
            WITH cancelled AS (
                UPDATE ticket SET status = 'CANCELLED', updated_at = $3,
                                  booking = coalesce(booking, '{}'::jsonb) || jsonb_build_object('cancelReason', $4::text)
                WHERE facility_id = $1 AND ticket_id = $2
                RETURNING *)
            """ + TicketView.selectFrom("cancelled");
    static final String BOOKED_TODAY = TicketView.selectFrom("ticket") + """
            WHERE t.facility_id = $1 AND t.service_date = $2 AND t.card_number = $3 AND t.status = 'BOOKED'
            ORDER BY t.ticket_id""";
    static final String AHEAD = """
            SELECT count(*) AS ahead FROM ticket
            WHERE facility_id = $1 AND home_service_id = $2 AND service_date = $3 AND number < $4
              AND status IN ('BOOKED', 'WAITING')""";
    static final String DAY = """
            SELECT count(*) FILTER (WHERE status <> 'CANCELLED') AS total,
                   count(*) FILTER (WHERE status IN ('BOOKED', 'WAITING')) AS remaining,
                   (SELECT label FROM ticket c
                    WHERE c.facility_id = $1 AND c.service_id = $2 AND c.service_date = $3
                      AND c.status IN ('CALLED', 'SERVING')
                    ORDER BY c.called_at DESC LIMIT 1) AS now_calling
            FROM ticket WHERE facility_id = $1 AND home_service_id = $2 AND service_date = $3""";
    static final String DUE_NO_SHOWS = """
            WITH missed AS (
                UPDATE ticket t SET status = 'NO_SHOW', updated_at = $3
                FROM service_schedule sch
                WHERE t.facility_id = $1 AND t.status = 'BOOKED'
                  AND sch.facility_id = t.facility_id AND sch.service_id = t.home_service_id
                  AND sch.weekday = extract(isodow FROM t.service_date)
                  AND (t.service_date < $2::date OR (t.service_date = $2::date AND sch.closes_at <= $4::time))
                RETURNING t.*)
            """ + TicketView.selectFrom("missed");
    static final String STALE_BOOKINGS = """
            WITH missed AS (
                UPDATE ticket t SET status = 'NO_SHOW', updated_at = $3
                WHERE t.facility_id = $1 AND t.status = 'BOOKED' AND t.service_date < $2::date
                RETURNING t.*)
            """ + TicketView.selectFrom("missed");

    private final Pool pool;
    private final EligibilityService eligibility;
    private final WaitEstimator estimator;
    private final Clock clock;

    public Bookings(Pool pool, EligibilityService eligibility, WaitEstimator estimator, Clock clock) {
        this.pool = pool;
        this.eligibility = eligibility;
        this.estimator = estimator;
        this.clock = clock;
    }

    /** Takes a number for a day to come (or today), under every booking rule of the contract. */
    public Future<Standing> book(Facility facility, Request request) {
        LocalDate today = facility.today(clock);
        if (request.date().isBefore(today)) {
            return Future.failedFuture(new Refused(Refusal.DATE_IN_PAST));
        }
        if (request.date().isAfter(today.plusDays(bookingWindow(facility)))) {
            return Future.failedFuture(new Refused(Refusal.BEYOND_WINDOW, Map.of("days", bookingWindow(facility))));
        }
        return poli(facility, request.poliCode())
                .compose(poli -> schedule(pool, facility, poli, request.date()).compose(schedule -> {
                    if (schedule.isEmpty() || !poli.service().open()) {
                        throw new Refused(Refusal.NO_SCHEDULE, Map.of("poli", poli.service().name()));
                    }
                    if (request.date().equals(today)
                            && !LocalTime.ofInstant(clock.instant(), facility.zone()).isBefore(schedule.get().closes())) {
                        throw new Refused(Refusal.CLOSED_FOR_TODAY, Map.of("poli", poli.service().name(),
                                "closes", schedule.get().closes().toString()));
                    }
                    return knownPatient(facility, request.card())
                            .compose(v -> eligibility.check(facility, new Identity.Card(request.card())))
                            .compose(checked -> {
                                if (!checked.eligible()) {
                                    throw new Refused(Refusal.NOT_ELIGIBLE, Map.of("message", checked.message().id()));
                                }
                                return estimator.paces(facility).compose(paces -> pool.withTransaction(tx ->
                                        insert(tx, facility, poli, schedule.get(), request, checked,
                                                WaitEstimator.pace(paces, poli.service().id()))))
                                        .recover(Bookings::secondBookingRefused);
                            });
                }));
    }

    /**
     * The same card booking twice at the same moment: both pass the check before either commits, and the unique
     * index {@code ticket_one_booking_per_card} stops the second (its transaction, number included, rolls back).
     */
    private static <T> Future<T> secondBookingRefused(Throwable e) {
        if (e instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())
                && "ticket_one_booking_per_card".equals(pg.getConstraint())) {
            return Future.failedFuture(new Refused(Refusal.ALREADY_BOOKED));
        }
        return Future.failedFuture(e);
    }

    private int bookingWindow(Facility facility) {
        return facility.bookingWindowDays();
    }

    /** The number a booking takes, and how many of the day's patients are still to be called before it. */
    private record Slot(int number, int ahead) {
    }

    private Future<Standing> insert(SqlConnection tx, Facility facility, Poli poli, Schedule schedule, Request request,
                                    Eligibility checked, WaitEstimator.Pace pace) {
        long serviceId = poli.service().id();
        return tx.preparedQuery(TICKET_OF_CARD)
                .execute(Tuple.of(facility.id(), serviceId, request.date(), request.card().value()))
                .compose(existing -> {
                    if (existing.size() > 0 && TicketView.map(existing.iterator().next()).status() != TicketStatus.CANCELLED) {
                        throw new Refused(Refusal.ALREADY_BOOKED);
                    }
                    return tx.preparedQuery(BUMP_SEQUENCE).execute(Tuple.of(facility.id(), serviceId, request.date()));
                })
                .compose(seq -> tx.preparedQuery(DAY_COUNTS).execute(Tuple.of(facility.id(), serviceId, request.date()))
                        .map(counts -> {
                            Row row = counts.iterator().next();
                            if (poli.dailyQuota() != null && row.getLong("taken") >= poli.dailyQuota()
                                    || poli.jknQuota() != null && row.getLong("online") >= poli.jknQuota()) {
                                throw new Refused(Refusal.QUOTA_FULL, Map.of("poli", poli.service().name()));
                            }
                            return new Slot(seq.iterator().next().getInteger("last_number"), row.getLong("ahead").intValue());
                        }))
                .compose(slot -> {
                    int number = slot.number();
                    Instant now = clock.instant();
                    Instant fromOpening = request.date().atTime(schedule.opens()).atZone(facility.zone()).toInstant()
                            .plusSeconds(pace.minutesFor(number - 1) * 60L);
                    // Once the day is under way, what counts is who is still to be called, at today's pace.
                    Instant fromNow = now.plusSeconds(pace.minutesFor(slot.ahead()) * 60L);
                    Instant estimated = fromOpening.isAfter(fromNow) ? fromOpening : fromNow;
                    JsonObject booking = new JsonObject().put("nohp", request.phone()).put("keluhan", request.complaint());
                    Tuple params = Tuple.tuple()
                            .addLong(facility.id()).addLong(serviceId).addLocalDate(request.date()).addInteger(number)
                            .addString(poli.service().prefix())
                            .addString(request.card().value())
                            .addString(request.nik() == null ? null : request.nik().value())
                            .addOffsetDateTime(now.atOffset(ZoneOffset.UTC))
                            .addOffsetDateTime(estimated.atOffset(ZoneOffset.UTC))
                            .addString("mobilejkn:" + UUID.randomUUID())
                            .addString("mobilejkn")
                            .addValue(booking)
                            .addString(checked.reason().name())
                            .addString(checked.source().name())
                            .addOffsetDateTime(checked.checkedAt().atOffset(ZoneOffset.UTC));
                    return tx.preparedQuery(INSERT_BOOKING).execute(params).compose(rows -> {
                        Ticket ticket = TicketView.map(rows.iterator().next());
                        return event(tx, facility, "TICKET_BOOKED", ticket, now)
                                .compose(v -> standing(tx, facility, poli, schedule, ticket));
                    });
                });
    }

    /** The patient has arrived (kiosk scan or receptionist): their booking joins the line, fairly. */
    public Future<Ticket> checkIn(Facility facility, long ticketId, Actor actor) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> tx.preparedQuery(LOCK).execute(Tuple.of(facility.id(), ticketId))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        throw Problem.of(ErrorCode.TICKET_NOT_FOUND);
                    }
                    Row row = rows.iterator().next();
                    TicketStatus status = TicketStatus.valueOf(row.getString("status"));
                    LocalDate day = row.getLocalDate("service_date");
                    if (!day.equals(facility.today(clock))) {
                        throw Problem.of(ErrorCode.TICKET_NOT_TODAY, "#" + ticketId, day.toString());
                    }
                    if (status != TicketStatus.BOOKED) {
                        throw Problem.of(ErrorCode.NOT_BOOKED);
                    }
                    return tx.preparedQuery(CHECK_IN).execute(Tuple.of(facility.id(), ticketId, now.atOffset(ZoneOffset.UTC)));
                })
                .compose(rows -> {
                    Ticket ticket = TicketView.map(rows.iterator().next());
                    return event(tx, facility, "TICKET_CHECKED_IN", ticket, now)
                            .compose(v -> AuditLog.append(tx, facility.id(), actor, "CHECK_IN", ticket.id(),
                                    new JsonObject(), now))
                            .map(ticket);
                }));
    }

    /** Today's bookings of a card not yet checked in (the kiosk offers to check them in). */
    public Future<List<Ticket>> bookedToday(Facility facility, String cardNumber) {
        return pool.preparedQuery(BOOKED_TODAY).execute(Tuple.of(facility.id(), facility.today(clock), cardNumber))
                .map(rows -> {
                    List<Ticket> tickets = new java.util.ArrayList<>();
                    rows.forEach(row -> tickets.add(TicketView.map(row)));
                    return tickets;
                });
    }

    /** Mobile JKN's cancel: only before the patient was served. */
    public Future<Ticket> cancel(Facility facility, CardNumber card, String poliCode, LocalDate date, String reason) {
        Instant now = clock.instant();
        return poli(facility, poliCode).compose(poli -> pool.withTransaction(tx -> tx.preparedQuery(TICKET_OF_CARD)
                .execute(Tuple.of(facility.id(), poli.service().id(), date, card.value()))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        throw new Refused(Refusal.NOT_FOUND);
                    }
                    Ticket ticket = TicketView.map(rows.iterator().next());
                    switch (ticket.status()) {
                        case CANCELLED -> throw new Refused(Refusal.ALREADY_CANCELLED);
                        case CALLED, SERVING, PARKED, DONE -> throw new Refused(Refusal.ALREADY_SERVED);
                        default -> { }
                    }
                    return tx.preparedQuery(LOCK).execute(Tuple.of(facility.id(), ticket.id()))
                            .compose(locked -> {
                                TicketStatus now2 = TicketStatus.valueOf(locked.iterator().next().getString("status"));
                                if (now2 == TicketStatus.CALLED || now2 == TicketStatus.SERVING || now2 == TicketStatus.DONE
                                        || now2 == TicketStatus.PARKED) {
                                    throw new Refused(Refusal.ALREADY_SERVED);
                                }
                                return tx.preparedQuery(CANCEL)
                                        .execute(Tuple.of(facility.id(), ticket.id(), now.atOffset(ZoneOffset.UTC), reason));
                            })
                            .compose(cancelled -> {
                                Ticket after = TicketView.map(cancelled.iterator().next());
                                return event(tx, facility, "TICKET_CANCELLED", after, now)
                                        .compose(v -> AuditLog.append(tx, facility.id(), MOBILE_JKN, "CANCEL", after.id(),
                                                new JsonObject().put("reason", reason), now))
                                        .map(after);
                            });
                })));
    }

    /** The participant's ticket at that poli on that day, with how many are still before them. */
    public Future<Standing> standing(Facility facility, CardNumber card, String poliCode, LocalDate date) {
        return poli(facility, poliCode).compose(poli -> pool.preparedQuery(TICKET_OF_CARD)
                .execute(Tuple.of(facility.id(), poli.service().id(), date, card.value()))
                .compose(rows -> {
                    if (rows.size() == 0 || TicketView.map(rows.iterator().next()).status() == TicketStatus.CANCELLED) {
                        throw new Refused(Refusal.NOT_FOUND);
                    }
                    Ticket ticket = TicketView.map(rows.iterator().next());
                    return schedule(pool, facility, poli, date).compose(schedule ->
                            standing(pool, facility, poli, schedule.orElse(null), ticket));
                }));
    }

    /** A poli's day, for Mobile JKN's status call. */
    public Future<PoliDay> day(Facility facility, String poliCode, LocalDate date) {
        return poli(facility, poliCode).compose(poli -> schedule(pool, facility, poli, date).compose(schedule ->
                pool.preparedQuery(DAY).execute(Tuple.of(facility.id(), poli.service().id(), date)).map(rows -> {
                    Row row = rows.iterator().next();
                    return new PoliDay(poli, schedule.orElse(null), row.getLong("total").intValue(),
                            row.getLong("remaining").intValue(), row.getString("now_calling"));
                })));
    }

    /**
     * Bookings not checked in by their service's closing time (or left from earlier days) become no-shows;
     * BPJS hears the patient did not come. Safe to run on every node: each booking changes once.
     */
    public Future<Integer> markNoShows(Facility facility) {
        Instant now = clock.instant();
        LocalDate today = facility.today(clock);
        LocalTime localTime = LocalTime.ofInstant(now, facility.zone());
        return pool.withTransaction(tx -> tx.preparedQuery(DUE_NO_SHOWS)
                .execute(Tuple.of(facility.id(), today, now.atOffset(ZoneOffset.UTC), localTime))
                .compose(due -> tx.preparedQuery(STALE_BOOKINGS)
                        .execute(Tuple.of(facility.id(), today, now.atOffset(ZoneOffset.UTC)))
                        .map(stale -> List.of(due, stale)))
                .compose(sets -> {
                    Future<Void> all = Future.succeededFuture();
                    int count = 0;
                    for (RowSet<Row> set : sets) {
                        for (Row row : set) {
                            Ticket ticket = TicketView.map(row);
                            count++;
                            all = all.compose(v -> event(tx, facility, "TICKET_NO_SHOW", ticket, now))
                                    .compose(v -> BpjsOutbox.called(tx, facility.id(), ticket.id(), BpjsOutbox.ABSENT, now));
                        }
                    }
                    int marked = count;
                    return all.map(marked);
                }));
    }

    /** Mobile JKN acting on the facility's queue, as the audit log names it. */
    public static final Actor MOBILE_JKN = new Actor("SYSTEM", null, "mobile-jkn");

    private Future<Void> knownPatient(Facility facility, CardNumber card) {
        return pool.preparedQuery(PATIENT_BY_CARD).execute(Tuple.of(facility.id(), card.value())).map(rows -> {
            if (rows.size() == 0) {
                throw new Refused(Refusal.PATIENT_UNKNOWN);
            }
            return null;
        });
    }

    public Future<Poli> poli(Facility facility, String bpjsCode) {
        if (bpjsCode == null || bpjsCode.isBlank()) {
            return Future.failedFuture(new Refused(Refusal.POLI_NOT_FOUND));
        }
        return pool.preparedQuery(POLI_BY_CODE).execute(Tuple.of(facility.id(), bpjsCode.strip())).map(rows -> {
            if (rows.size() == 0) {
                throw new Refused(Refusal.POLI_NOT_FOUND);
            }
            Row row = rows.iterator().next();
            return new Poli(FacilityDirectory.service(row), row.getString("bpjs_code"), row.getInteger("daily_quota"),
                    row.getInteger("jkn_quota"));
        });
    }

    public static Future<Optional<Schedule>> schedule(SqlClient db, Facility facility, Poli poli, LocalDate date) {
        return db.preparedQuery(SCHEDULE)
                .execute(Tuple.of(facility.id(), poli.service().id(), date.getDayOfWeek().getValue()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new Schedule(row.getLocalTime("opens_at"), row.getLocalTime("closes_at"),
                            row.getInteger("doctor_code"), row.getString("doctor_name")));
                });
    }

    private Future<Standing> standing(SqlClient db, Facility facility, Poli poli, Schedule schedule, Ticket ticket) {
        return db.preparedQuery(AHEAD)
                .execute(Tuple.of(facility.id(), poli.service().id(), ticket.serviceDate(), ticket.number()))
                .compose(ahead -> db.preparedQuery(DAY)
                        .execute(Tuple.of(facility.id(), poli.service().id(), ticket.serviceDate()))
                        .map(day -> new Standing(ticket, poli, schedule, ahead.iterator().next().getLong("ahead").intValue(),
                                day.iterator().next().getString("now_calling"))));
    }

    private static Future<Void> event(SqlClient tx, Facility facility, String type, Ticket ticket, Instant at) {
        return EventLog.append(tx, new QueueEvent(facility.id(), type, at, facility.zone(), ticket.id(),
                ticket.serviceId(), null, new JsonObject().put("ticket", ticket.toJson()))).mapEmpty();
    }
}
