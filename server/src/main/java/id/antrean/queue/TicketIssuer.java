package id.antrean.queue;

import id.antrean.closure.Closures;
import id.antrean.eligibility.Eligibility;
import id.antrean.eligibility.EligibilityService;
import id.antrean.eligibility.Identity;
import id.antrean.bpjs.outbox.BpjsOutbox;
import id.antrean.events.EventLog;
import id.antrean.events.EventType;
import id.antrean.events.QueueEvent;
import id.antrean.facility.Facility;
import id.antrean.facility.FacilityDirectory;
import id.antrean.protocol.NikAge;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Gives numbers: one transaction bumps the (facility, service, local day) sequence, inserts the ticket
 * and its event. The sequence row's lock orders concurrent issuers and a rollback returns the number,
 * so numbers are never duplicated nor skipped. A repeated {@code Idempotency-Key} returns the ticket
 * issued the first time.
 */
public final class TicketIssuer {
    static final String ISSUE = """
            WITH %s,
            issued AS (
                INSERT INTO ticket (facility_id, home_service_id, service_date, number, label, service_id, source,
                                    payer, card_number, nik, priority, queue_order, issued_at, queued_at, line_at, updated_at,
                                    idempotency_key, request_hash, eligibility, eligibility_source, eligibility_checked_at)
                SELECT $1, $2, $3, seq.last_number, %s,
                       $2, 'WALK_IN', $5, $6, $7, $8, nextval('ticket_queue_order'), $9, $9, $9, $9, $10, $11, $12, $13, $14
                FROM seq
                ON CONFLICT (facility_id, idempotency_key) DO NOTHING
                RETURNING *)
            """.formatted(TicketNumbers.NEXT_NUMBER, TicketNumbers.label("$4", "seq.last_number"))
            + TicketView.selectFrom("issued");

    static final String BY_IDEMPOTENCY_KEY = TicketView.selectFrom("ticket") + """
            WHERE t.facility_id = $1 AND t.idempotency_key = $2""";

    static final String FINGERPRINT_OF_KEY = """
            SELECT request_hash FROM ticket WHERE facility_id = $1 AND idempotency_key = $2""";

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
    public Future<Issued> issue(Facility facility, TicketRequest request, String idempotencyKey) {
        String key = idempotencyKey.strip();
        return check(facility, request).compose(checked ->
                pool.withTransaction(tx -> issueIn(tx, facility, request, checked, key))
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
        return eligibility.check(facility, identity);
    }

    private Future<Ticket> issueIn(SqlConnection tx, Facility facility, TicketRequest request, Eligibility checked,
                                   String key) {
        return FacilityDirectory.service(tx, facility, request.service()).compose(service ->
                Closures.refuseIfClosed(tx, facility, service.id(), facility.today(clock)).map(service))
                .compose(service -> {
            if (!service.open()) {
                throw Problem.ofField(ErrorCode.SERVICE_CLOSED, "service", service.name());
            }
            Instant now = clock.instant();
            LocalDate day = facility.today(clock);
            Tuple params = Tuple.tuple()
                    .addLong(facility.id())
                    .addLong(service.id())
                    .addLocalDate(day)
                    .addString(service.prefix())
                    .addString(request.payer())
                    .addString(request.cardNumber() != null ? request.cardNumber().value()
                            : checked == null ? null : checked.cardNumber())
                    .addString(request.nik() == null ? null : request.nik().value())
                    .addBoolean(request.priority() || elderly(request, day))
                    .addOffsetDateTime(now.atOffset(ZoneOffset.UTC))
                    .addString(key)
                    .addString(request.fingerprint())
                    .addString(checked == null ? null : checked.reason().name())
                    .addString(checked == null ? null : checked.source().name())
                    .addOffsetDateTime(checked == null ? null : checked.checkedAt().atOffset(ZoneOffset.UTC));
            return tx.preparedQuery(ISSUE).execute(params).compose(rows -> {
                if (rows.size() == 0) {
                    // Another request holds this key; rolling back gives the number back.
                    return Future.failedFuture(new KeyAlreadyUsed());
                }
                Ticket ticket = TicketView.map(rows.iterator().next());
                QueueEvent event = new QueueEvent(facility.id(), EventType.TICKET_ISSUED, now, facility.zone(),
                        ticket.id(), ticket.serviceId(), null, new JsonObject().put("ticket", ticket.toJson()));
                return EventLog.append(tx, event)
                        .compose(v -> BpjsOutbox.added(tx, facility.id(), ticket.id(), "Antrean langsung (walk-in)", now))
                        .map(ticket);
            });
        });
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
