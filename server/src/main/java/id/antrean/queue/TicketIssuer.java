package id.antrean.queue;

import id.antrean.auth.Actor;
import id.antrean.auth.AuditLog;
import id.antrean.auth.Principal;
import id.antrean.bpjs.outbox.BpjsOutbox;
import id.antrean.closure.Closures;
import id.antrean.db.PipelinedTransaction;
import id.antrean.eligibility.Eligibility;
import id.antrean.eligibility.EligibilityService;
import id.antrean.eligibility.Identity;
import id.antrean.events.EventLog;
import id.antrean.events.EventType;
import id.antrean.events.QueueEvent;
import id.antrean.facility.Facility;
import id.antrean.facility.FacilityDirectory;
import id.antrean.facility.Service;
import id.antrean.protocol.NikAge;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Gives numbers: one transaction bumps the (facility, service, local day) sequence, inserts the ticket
 * and its event. The sequence row's lock orders concurrent issuers and a rollback returns the number,
 * so numbers are never duplicated nor skipped. A repeated {@code Idempotency-Key} returns the ticket
 * issued the first time.
 *
 * <p>A person who already holds an open number of the service today gets no second one ({@link OpenTickets}):
 * 409 {@code ALREADY_HAS_TICKET} with that ticket in the answer, so the kiosk can print it again. The desk may
 * give a second number anyway with a reason; that is audited and never reported to BPJS (the person's first
 * number already was).
 */
public final class TicketIssuer {
    private static final String INSERT = """
                INSERT INTO ticket (facility_id, home_service_id, service_date, number, label, service_id, source,
                                    payer, card_number, nik, priority, queue_order, issued_at, queued_at, line_at, updated_at,
                                    idempotency_key, request_hash, eligibility, eligibility_source, eligibility_checked_at)
                SELECT $1, $2, $3, %1$s, %2$s,
                       $2, 'WALK_IN', $5, $6, $7, $8, nextval('ticket_queue_order'), $9, $9, $9, $9, $10, $11, $12, $13, $14
                %3$s
                ON CONFLICT (facility_id, idempotency_key) DO NOTHING
                RETURNING *""";

    /**
     * After the insert, in the same statement: the ticket's place in line, counted once by V20's
     * {@code ticket_waiting_ahead} (on a snapshot taken after the number's lock, so every ticket issued before this
     * one is counted), the ticket view the answer is made from, the event ($15: its payload as the server built it
     * from the ticket as inserted, completed here with what the database gave the ticket) with its NOTIFY, and the
     * BPJS outbox message ($16: its note; null for none). Everything inside the locks in one round trip.
     */
    private static final String RECORDED = """
            placed AS (
                SELECT i.*, CASE WHEN i.status = 'WAITING' THEN 1 + ticket_waiting_ahead(i.facility_id, i.service_date,
                       i.service_id, i.priority, i.line_at, i.queue_order) END AS place
                FROM issued i),
            shown AS (
            %1$s),
            %2$s,
            outbox AS (
            %3$s
                AND $16::text IS NOT NULL)
            SELECT shown.*, saved.event_id, %4$s
            FROM shown, saved""".formatted(
            TicketView.selectPlacedFrom("placed"),
            EventLog.saving("shown", "$1", """
                    '%s', shown.ticket_id, shown.service_id, NULL,
                    $15::jsonb || jsonb_build_object('ticket', ($15::jsonb -> 'ticket') || jsonb_build_object(
                        'id', shown.ticket_id, 'number', shown.number, 'label', shown.label, 'position', shown.position,
                        'facility', shown.facility_code, 'service', shown.service_code,
                        'serviceName', shown.service_name, 'homeService', shown.home_service_code)),
                    $9""".formatted(EventType.TICKET_ISSUED.name())),
            BpjsOutbox.addedFrom("issued", "$16", "$9"),
            EventLog.NOTIFY_SAVED);

    /** Takes the next number, inserts the ticket and records it in one statement: for a request that names nobody. */
    static final String ISSUE = "WITH " + TicketNumbers.NEXT_NUMBER + ",\nissued AS ("
            + INSERT.formatted("seq.last_number", TicketNumbers.label("$4", "seq.last_number"), "FROM seq") + "),\n"
            + RECORDED;

    /** Inserts the ticket with the number ($17) this transaction already took, after looking the person up. */
    static final String ISSUE_NUMBERED = "WITH issued AS ("
            + INSERT.formatted("$17::integer", TicketNumbers.label("$4", "$17::integer"), "") + "),\n"
            + RECORDED;

    static final String BY_IDEMPOTENCY_KEY = TicketView.selectFrom("ticket") + """
            WHERE t.facility_id = $1 AND t.idempotency_key = $2""";

    static final String FINGERPRINT_OF_KEY = """
            SELECT request_hash FROM ticket WHERE facility_id = $1 AND idempotency_key = $2""";

    /** The BPJS outbox note of a walk-in's antrean/add. */
    private static final String WALK_IN_NOTE = "Antrean langsung (walk-in)";

    /** The outcome: the ticket, and whether this call issued it (201) or an earlier one did (200). */
    public record Issued(Facility facility, Ticket ticket, boolean created) {
    }

    private final Pool pool;
    private final EligibilityService eligibility;
    private final Clock clock;

    public TicketIssuer(Pool pool, EligibilityService eligibility, Clock clock) {
        this.pool = pool;
        this.eligibility = eligibility;
        this.clock = clock;
    }

    /** A JKN ticket is checked first (outside the transaction: BPJS may take up to its timeout). */
    public Future<Issued> issue(Facility facility, TicketRequest request, String idempotencyKey, Principal by) {
        String key = idempotencyKey.strip();
        if (request.duplicateReason() != null && by.kind() == Principal.Kind.DEVICE) {
            // A kiosk cannot judge that a second number is right; only a person at the desk can.
            return Future.failedFuture(Problem.ofField(ErrorCode.DUPLICATE_REASON_STAFF_ONLY, "duplicateReason"));
        }
        return check(facility, request).compose(checked ->
                PipelinedTransaction.run(pool, tx -> issueIn(tx, facility, request, checked, key, by.actor()))
                        .map(ticket -> new Issued(facility, ticket, true))
                        .recover(e -> e instanceof KeyAlreadyUsed
                                ? earlier(facility, request, key)
                                : Future.failedFuture(e)));
    }

    private Future<Eligibility> check(Facility facility, TicketRequest request) {
        if (!"JKN".equals(request.payer())) {
            return Future.succeededFuture(null);
        }
        Identity identity = request.cardNumber() != null
                ? new Identity.Card(request.cardNumber())
                : new Identity.ByNik(request.nik());
        // A dental poli is checked against the participant's dental FKTP: the service is read first.
        return FacilityDirectory.service(pool, facility, request.service())
                .compose(service -> eligibility.check(facility, identity, service.dental()));
    }

    private Future<Ticket> issueIn(SqlConnection tx, Facility facility, TicketRequest request, Eligibility checked,
                                   String key, Actor actor) {
        // The service and the day's closures are read together (pipelined): one round trip.
        Future<Service> named = FacilityDirectory.service(tx, facility, request.service());
        Future<Map<Long, String>> closed = Closures.closedOn(tx, facility, facility.today(clock));
        return Future.all(named, closed).map(both -> {
                    Closures.refuseIfAmong(closed.result(), named.result());
                    return named.result();
                })
                .compose(service -> {
            if (!service.open()) {
                throw Problem.ofField(ErrorCode.SERVICE_CLOSED, "service", service.name());
            }
            // To the microsecond, as PostgreSQL keeps it: the event built from it shows the time the ticket shows.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            LocalDate day = facility.today(clock);
            String card = request.cardNumber() != null ? request.cardNumber().value()
                    : checked == null ? null : checked.cardNumber();
            String nik = request.nik() == null ? null : request.nik().value();
            boolean priority = request.priority() || elderly(request, day);
            Tuple params = Tuple.tuple()
                    .addLong(facility.id())
                    .addLong(service.id())
                    .addLocalDate(day)
                    .addString(service.prefix())
                    .addString(request.payer())
                    .addString(card)
                    .addString(nik)
                    .addBoolean(priority)
                    .addOffsetDateTime(now.atOffset(ZoneOffset.UTC))
                    .addString(key)
                    .addString(request.fingerprint())
                    .addString(checked == null ? null : checked.reason().name())
                    .addString(checked == null ? null : checked.source().name())
                    .addOffsetDateTime(checked == null ? null : checked.checkedAt().atOffset(ZoneOffset.UTC))
                    .addJsonObject(issuedEvent(facility, service, request, checked, card, priority, day, now));
            if (card == null && nik == null) {
                // Nobody to look up: number and ticket in one statement, the shortest hold of the queue's lock.
                return tx.preparedQuery(ISSUE).execute(params.addString(WALK_IN_NOTE))
                        .compose(rows -> recorded(tx, facility, rows, null, request, actor, now));
            }
            // The number first: its row lock orders this person's concurrent requests, so the look-up that follows
            // (a new statement, a new snapshot) sees a ticket another kiosk has just committed for them.
            return TicketNumbers.take(tx, facility.id(), service.id(), day)
                    .compose(number -> OpenTickets.heldBy(tx, facility.id(), service.id(), day, card, nik)
                            .compose(held -> {
                                if (held != null && held.idempotencyKey().equals(key)) {
                                    // A retry of the request that took it: answered as before.
                                    return Future.failedFuture(new KeyAlreadyUsed());
                                }
                                if (held != null && request.duplicateReason() == null) {
                                    return Future.failedFuture(Problem.of(ErrorCode.ALREADY_HAS_TICKET,
                                                    held.ticket().label(), held.ticket().serviceName())
                                            .with("ticket", held.ticket().toJson()));
                                }
                                // A second number given at the desk is kept from BPJS, which already has the first.
                                return tx.preparedQuery(ISSUE_NUMBERED)
                                        .execute(params.addString(held == null ? WALK_IN_NOTE : null).addInteger(number))
                                        .compose(rows -> recorded(tx, facility, rows, held, request, actor, now));
                            }));
        });
    }

    private Future<Ticket> recorded(SqlConnection tx, Facility facility, RowSet<Row> rows,
                                    OpenTickets.Held held, TicketRequest request, Actor actor, Instant now) {
        if (rows.size() == 0) {
            // Another request holds this key; rolling back gives the number back.
            return Future.failedFuture(new KeyAlreadyUsed());
        }
        Ticket ticket = TicketView.map(rows.iterator().next());
        if (held == null) {
            return Future.succeededFuture(ticket);
        }
        // A second number given at the desk: audited.
        JsonObject details = new JsonObject()
                .put("before", new JsonObject().put("ticket", held.ticket().id()).put("label", held.ticket().label())
                        .put("status", held.ticket().status().name()))
                .put("after", new JsonObject().put("ticket", ticket.id()).put("label", ticket.label())
                        .put("reason", request.duplicateReason()));
        return AuditLog.append(tx, facility.id(), actor, "TICKET_DUPLICATE_ISSUED", ticket.id(), details, now)
                .map(ticket);
    }

    /**
     * The TICKET_ISSUED event's payload, with the ticket as the insert writes it; the statement fills in what only
     * the database knows (id, number, label, place) and the names it joins. {@code TicketNumberingTest} checks that
     * the event's ticket is the answer's.
     */
    private static JsonObject issuedEvent(Facility facility, Service service, TicketRequest request,
                                          Eligibility checked, String card, boolean priority, LocalDate day, Instant now) {
        Ticket inserted = new Ticket(0, facility.code(), facility.zone(), service.id(), service.code(), service.name(),
                service.code(), 0, "", TicketStatus.WAITING, "WALK_IN", request.payer(), priority,
                card == null ? null : card.substring(Math.max(0, card.length() - 4)), day, now, null, null, null, 0,
                null, null, null, null, null,
                checked == null ? null : checked.reason().name(), checked == null ? null : checked.source().name(),
                checked == null ? null : checked.checkedAt(), null, null, now, null);
        return new QueueEvent(facility.id(), EventType.TICKET_ISSUED, now, facility.zone(), null, service.id(), null,
                new JsonObject().put("ticket", inserted.toJson())).payload();
    }

    /** Someone 60 or older by their NIK is priority without asking (the kiosk says so; the ticket prints it). */
    private static boolean elderly(TicketRequest request, LocalDate day) {
        return request.nik() != null && NikAge.isElderly(request.nik().value(), day);
    }

    private Future<Issued> earlier(Facility facility, TicketRequest request, String key) {
        return pool.preparedQuery(FINGERPRINT_OF_KEY).execute(Tuple.of(facility.id(), key)).compose(rows -> {
            if (rows.size() == 0) {
                throw Problem.of(ErrorCode.CONFLICT);
            }
            if (!request.fingerprint().equals(rows.iterator().next().getString("request_hash"))) {
                throw Problem.of(ErrorCode.IDEMPOTENCY_KEY_REUSED);
            }
            return pool.preparedQuery(BY_IDEMPOTENCY_KEY).execute(Tuple.of(facility.id(), key))
                    .map(found -> new Issued(facility, TicketView.map(found.iterator().next()), false));
        });
    }

    /** Control flow inside this class only: the key is taken, look up what it gave. */
    private static final class KeyAlreadyUsed extends RuntimeException {
        KeyAlreadyUsed() {
            super(null, null, false, false);
        }
    }
}
