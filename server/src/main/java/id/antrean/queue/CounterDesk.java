package id.antrean.queue;

import id.antrean.auth.Actor;
import id.antrean.auth.AuditLog;
import id.antrean.bpjs.outbox.BpjsOutbox;
import id.antrean.db.PipelinedTransaction;
import id.antrean.events.EventLog;
import id.antrean.events.QueueEvent;
import id.antrean.facility.Counter;
import id.antrean.facility.Facility;
import id.antrean.facility.FacilityDirectory;
import id.antrean.facility.Service;
import id.antrean.notify.NotifyOutbox;
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
import java.util.EnumMap;
import java.util.Map;

/**
 * What a counter (loket / ruang) does with tickets: call the next one, recall, skip, return a skipped
 * one to the line, start, finish, transfer to another service, park and resume, cancel. Each action is one
 * transaction that locks the counter, then the ticket, checks the transition, changes the ticket and stores
 * the event and the audit entry (who did it).
 */
public final class CounterDesk {
    static final String LOCK_COUNTER = FacilityDirectory.countersFrom(
            "SELECT * FROM counter WHERE facility_id = $1 AND code = $2 AND retired_at IS NULL FOR NO KEY UPDATE");

    private static final String TICKET_STATE = """
            SELECT t.ticket_id, t.label, t.status, t.service_id, s.code AS service_code, t.service_date,
                   t.counter_id, c.code AS counter_code
            FROM ticket t
            JOIN service s ON s.facility_id = t.facility_id AND s.service_id = t.service_id
            LEFT JOIN counter c ON c.facility_id = t.facility_id AND c.counter_id = t.counter_id
            """;

    static final String LOCK_TICKET = TICKET_STATE + """
            WHERE t.facility_id = $1 AND t.ticket_id = $2
            FOR UPDATE OF t""";

    static final String LOCK_CURRENT = TICKET_STATE + """
            WHERE t.facility_id = $1 AND t.counter_id = $2 AND t.status IN ('CALLED', 'SERVING')
            FOR UPDATE OF t""";

    /** The change each action makes. Parameters: $1 facility, $2 ticket, $3 now, $4 counter or target service. */
    private static final Map<CounterAction, String> CHANGES = new EnumMap<>(Map.of(
            CounterAction.CALL, "status = 'CALLED', counter_id = $4, called_at = $3, call_count = call_count + 1",
            CounterAction.RECALL, "call_count = call_count + 1",
            CounterAction.SKIP, "status = 'SKIPPED'",
            CounterAction.REQUEUE, "status = 'WAITING', counter_id = NULL",
            CounterAction.START, "status = 'SERVING', started_at = $3",
            CounterAction.FINISH, "status = 'DONE', finished_at = $3",
            CounterAction.PARK, "status = 'PARKED'",
            CounterAction.RESUME, "status = 'CALLED', counter_id = $4, called_at = $3, call_count = call_count + 1",
            CounterAction.TRANSFER, """
                    status = 'WAITING', service_id = $4, counter_id = NULL, queue_order = nextval('ticket_queue_order'),
                    queued_at = $3, line_at = $3, called_at = NULL, started_at = NULL, finished_at = NULL, call_count = 0,
                    transfer_count = transfer_count + 1""",
            CounterAction.CANCEL, "status = 'CANCELLED'"));

    private static final Map<CounterAction, String> STATEMENTS = statements();

    private final Pool pool;
    private final Clock clock;

    public CounterDesk(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /**
     * Calls the next waiting ticket of the counter's services, ending its current one first: finished when it was
     * started, skipped (a no-show) when it was only called. Statements that do not need an earlier one's answer
     * are sent together (the connection pipelines them, in order), so a call costs some six round trips to
     * PostgreSQL rather than seventeen.
     */
    public Future<Ticket> callNext(Facility facility, String counterCode, Actor actor) {
        LocalDate today = facility.today(clock);
        return PipelinedTransaction.run(pool, tx -> lockCounter(tx, facility, counterCode).compose(counter -> {
            // Sent together, in this order: the next ticket is chosen behind the services' lock.
            Future<?> services = PriorityTurn.lockServices(tx, facility, counter);
            Future<TicketState> current = currentOf(tx, facility, counter);
            Future<Long> next = PriorityTurn.lockNext(tx, facility, counter, today, clock.instant());
            return Future.all(services, current, next).compose(v -> {
                if (next.result() == null) {
                    throw Problem.of(ErrorCode.QUEUE_EMPTY);
                }
                // The current ticket's change is sent first, so its event comes before the call's.
                Future<Ticket> ended = current.result() == null ? Future.succeededFuture()
                        : endCurrent(tx, facility, counter, current.result(), actor);
                Future<Ticket> called = change(tx, facility, counter, TicketState.toCall(next.result()),
                        CounterAction.CALL, null, actor, new JsonObject().put("next", true));
                return Future.all(ended, called).map(all -> called.result());
            });
        }));
    }

    /**
     * Applies {@code action} to the given ticket, or to the counter's current ticket when {@code ticketId}
     * is null. {@code targetService} is the service code for a transfer.
     */
    public Future<Ticket> act(Facility facility, String counterCode, CounterAction action, Long ticketId,
                              String targetService, Actor actor) {
        return PipelinedTransaction.run(pool, tx -> {
            // The counter is locked first, then the ticket: a ticket named by its id is locked in the same turn.
            Future<Counter> locked = lockCounter(tx, facility, counterCode);
            Future<TicketState> named = ticketId == null ? null : lockTicket(tx, facility, ticketId);
            return locked.compose(counter -> {
                Future<TicketState> target = named == null ? lockCurrent(tx, facility, counter) : named;
                return target.compose(state -> {
                    check(facility, counter, state, action);
                    Future<Service> service = action == CounterAction.TRANSFER
                            ? FacilityDirectory.service(tx, facility, targetService)
                            : Future.succeededFuture();
                    Future<Void> before = action.calls()
                            ? finishCurrent(tx, facility, counter, actor)
                            : Future.succeededFuture();
                    // A ticket called by its id is called out of turn: the audit log says so.
                    JsonObject details = action == CounterAction.CALL ? new JsonObject().put("outOfTurn", true)
                            : new JsonObject();
                    return service.compose(s -> before.compose(v ->
                            change(tx, facility, counter, state, action, s, actor, details)));
                });
            });
        });
    }

    private void check(Facility facility, Counter counter, TicketState state, CounterAction action) {
        LocalDate today = facility.today(clock);
        if (!state.serviceDate().equals(today)) {
            throw Problem.of(ErrorCode.TICKET_NOT_TODAY, state.label(), state.serviceDate().toString());
        }
        if (!action.allowedFrom(state.status())) {
            throw Problem.of(ErrorCode.INVALID_TRANSITION, state.label(), state.status().text(), action.text());
        }
        if (state.status().atCounter() && state.counterId() != counter.id()) {
            throw Problem.of(ErrorCode.TICKET_AT_OTHER_COUNTER, state.label(), state.counterCode());
        }
        if (action.calls() && !counter.serves(state.serviceId())) {
            throw Problem.of(ErrorCode.NOT_SERVED_HERE, state.label());
        }
    }

    private Future<Void> finishCurrent(SqlConnection tx, Facility facility, Counter counter, Actor actor) {
        return currentOf(tx, facility, counter).compose(current -> current == null ? Future.succeededFuture()
                : endCurrent(tx, facility, counter, current, actor).mapEmpty());
    }

    /**
     * Ends the counter's current ticket before another is called there. Called but never started: the patient did
     * not come. A no-show (returnable to the line, reported to BPJS as not present), never "served".
     */
    private Future<Ticket> endCurrent(SqlConnection tx, Facility facility, Counter counter, TicketState current,
                                      Actor actor) {
        CounterAction ending = current.status() == TicketStatus.SERVING ? CounterAction.FINISH : CounterAction.SKIP;
        return change(tx, facility, counter, current, ending, null, actor, new JsonObject().put("byNextCall", true));
    }

    private Future<Ticket> change(SqlConnection tx, Facility facility, Counter counter, TicketState state,
                                  CounterAction action, Service target, Actor actor, JsonObject auditDetails) {
        if (target != null && target.id() == state.serviceId()) {
            throw Problem.of(ErrorCode.SAME_SERVICE, state.label(), target.name());
        }
        Instant now = clock.instant();
        Tuple params = Tuple.of(facility.id(), state.id(), now.atOffset(ZoneOffset.UTC));
        if (action.calls()) {
            params.addLong(counter.id());
        } else if (action == CounterAction.TRANSFER) {
            params.addLong(target.id());
        }
        return tx.preparedQuery(STATEMENTS.get(action)).execute(params).compose(rows -> {
            Ticket ticket = TicketView.map(rows.iterator().next());
            JsonObject body = new JsonObject().put("ticket", ticket.toJson()).put("counter", counter.reference());
            if (action == CounterAction.TRANSFER) {
                body.put("fromService", state.serviceCode());
            }
            QueueEvent event = new QueueEvent(facility.id(), action.eventType(), now, facility.zone(),
                    ticket.id(), ticket.serviceId(), counter.id(), body);
            JsonObject audit = auditDetails.copy().put("counter", counter.code());
            if (action == CounterAction.TRANSFER) {
                audit.put("from", state.serviceCode()).put("to", target.code());
            }
            // What the change leaves behind: none needs another's answer, so they go in one turn.
            return Future.all(EventLog.append(tx, event),
                            AuditLog.append(tx, facility.id(), actor, action.name(), ticket.id(), audit, now),
                            tellBpjs(tx, facility, ticket, action, now),
                            tellPatients(tx, facility, ticket, action, now))
                    .map(ticket);
        });
    }

    /** BPJS hears when a JKN patient came (start), did not come (skip), or was cancelled. */
    private static Future<Void> tellBpjs(SqlConnection tx, Facility facility, Ticket ticket, CounterAction action,
                                         Instant now) {
        return switch (action) {
            case START -> BpjsOutbox.called(tx, facility.id(), ticket.id(), BpjsOutbox.PRESENT, now);
            case SKIP -> BpjsOutbox.called(tx, facility.id(), ticket.id(), BpjsOutbox.ABSENT, now);
            case CANCEL -> BpjsOutbox.cancelled(tx, facility.id(), ticket.id(), "Dibatalkan di fasilitas kesehatan", now);
            default -> Future.succeededFuture();
        };
    }

    /**
     * Patients who left a number hear when they are called, and when a line moved so that few enough are left before
     * them (issue #19): queued here, in the change's transaction; sent later, so a gateway never delays a call.
     */
    private static Future<Void> tellPatients(SqlConnection tx, Facility facility, Ticket ticket, CounterAction action,
                                             Instant now) {
        Future<Void> called = action.calls() ? NotifyOutbox.called(tx, facility.id(), ticket.id(), now)
                : Future.succeededFuture();
        return switch (action) {
            // What takes a ticket out of a line, or puts one back: the others' places change.
            case CALL, CANCEL, TRANSFER, REQUEUE ->
                    Future.all(called, NotifyOutbox.lineMoved(tx, facility.id(), ticket.serviceDate(), now)).mapEmpty();
            default -> called;
        };
    }

    private static Future<Counter> lockCounter(SqlConnection tx, Facility facility, String code) {
        return tx.preparedQuery(LOCK_COUNTER).execute(Tuple.of(facility.id(), FacilityDirectory.normalizeCode(code)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Problem.of(ErrorCode.COUNTER_NOT_FOUND, code);
                    }
                    return FacilityDirectory.counter(rows.iterator().next());
                });
    }

    private static Future<TicketState> lockTicket(SqlConnection tx, Facility facility, long ticketId) {
        return tx.preparedQuery(LOCK_TICKET).execute(Tuple.of(facility.id(), ticketId))
                .map(rows -> single(rows, ErrorCode.TICKET_NOT_FOUND));
    }

    private static Future<TicketState> lockCurrent(SqlConnection tx, Facility facility, Counter counter) {
        return currentOf(tx, facility, counter).map(current -> {
            if (current == null) {
                throw Problem.of(ErrorCode.NO_CURRENT_TICKET);
            }
            return current;
        });
    }

    /** The counter's current ticket (called or serving), locked; null when it has none. */
    private static Future<TicketState> currentOf(SqlConnection tx, Facility facility, Counter counter) {
        return tx.preparedQuery(LOCK_CURRENT).execute(Tuple.of(facility.id(), counter.id()))
                .map(rows -> rows.size() == 0 ? null : TicketState.of(rows.iterator().next()));
    }

    private static TicketState single(RowSet<Row> rows, ErrorCode whenMissing) {
        if (rows.size() == 0) {
            throw Problem.of(whenMissing);
        }
        return TicketState.of(rows.iterator().next());
    }

    private static Map<CounterAction, String> statements() {
        Map<CounterAction, String> statements = new EnumMap<>(CounterAction.class);
        CHANGES.forEach((action, set) -> statements.put(action,
                "WITH changed AS (UPDATE ticket SET " + set + ", updated_at = $3"
                        + " WHERE facility_id = $1 AND ticket_id = $2 RETURNING *) "
                        + TicketView.selectFrom("changed")));
        return statements;
    }

    /** A ticket as locked for a change: just what the rules need. */
    record TicketState(long id, String label, TicketStatus status, long serviceId, String serviceCode,
                       LocalDate serviceDate, Long counterId, String counterCode) {
        /** The next in line, locked by {@link PriorityTurn#LOCK_NEXT}, which chose it by the rules: only its id is needed. */
        static TicketState toCall(long ticketId) {
            return new TicketState(ticketId, null, TicketStatus.WAITING, 0, null, null, null, null);
        }

        static TicketState of(Row row) {
            return new TicketState(row.getLong("ticket_id"), row.getString("label"),
                    TicketStatus.valueOf(row.getString("status")), row.getLong("service_id"),
                    row.getString("service_code"), row.getLocalDate("service_date"), row.getLong("counter_id"),
                    row.getString("counter_code"));
        }
    }
}
