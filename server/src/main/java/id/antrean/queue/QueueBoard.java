package id.antrean.queue;

import id.antrean.closure.Closures;
import id.antrean.db.PipelinedTransaction;
import id.antrean.events.EventLog;
import id.antrean.facility.ClosedToday;
import id.antrean.facility.Facility;
import id.antrean.facility.FacilityDirectory;
import id.antrean.facility.Service;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the state of a facility's queues: the board of today, and single tickets with their history. */
public final class QueueBoard {
    // The board reads the open tickets but the waiting, ...
    static final String OPEN_TICKETS_BUT_WAITING = TicketView.selectLineFrom("ticket") + """
            WHERE t.facility_id = $1 AND t.service_date = $2
              AND t.status IN ('BOOKED', 'CALLED', 'SERVING', 'PARKED', 'SKIPPED')
            ORDER BY t.priority DESC, t.line_at, t.queue_order""";
    // ... the waiting counted per poli (from the partial index of the line) ...
    static final String WAITING_PER_SERVICE = """
            SELECT service_id, count(*) AS waiting FROM ticket
            WHERE facility_id = $1 AND service_date = $2 AND status = 'WAITING'
            GROUP BY service_id""";
    // ... and the first $3 of each poli's line, read from the front of that index: the first N of a line are its
    // places 1 to N, so ranking them among themselves gives their places, and the rest of the line is not read.
    static final String WAITING_HEADS = """
            WITH head AS (
                SELECT h.* FROM service sv
                CROSS JOIN LATERAL (
                    SELECT w.* FROM ticket w
                    WHERE w.facility_id = sv.facility_id AND w.service_date = $2 AND w.service_id = sv.service_id
                      AND w.status = 'WAITING'
                    ORDER BY w.priority DESC, w.line_at, w.queue_order
                    LIMIT $3) h
                WHERE sv.facility_id = $1)
            """ + TicketView.selectLineFrom("head") + """
            ORDER BY t.priority DESC, t.line_at, t.queue_order""";
    static final String TICKET_BY_ID = TicketView.selectFrom("ticket") + """
            WHERE t.facility_id = $1 AND t.ticket_id = $2""";

    /**
     * The first screenful of each line: what the board lists unless asked for more, the console's and the event
     * stream's snapshot. A line of 1,000 in full was a 560 KB answer and a 40 ms read of every open ticket of the
     * day (issue #18); nobody reads a list that long, and the console loads the rest when asked.
     */
    public static final int WAITING_SHOWN = 50;

    private final Pool pool;
    private final WaitEstimator estimator;
    private final Clock clock;

    public QueueBoard(Pool pool, WaitEstimator estimator, Clock clock) {
        this.pool = pool;
        this.estimator = estimator;
        this.clock = clock;
    }

    /** A ticket as the API shows it, with its estimated wait. */
    public Future<JsonObject> describe(Facility facility, Ticket ticket) {
        return estimator.minutesFor(facility, ticket).map(minutes -> ticket.toJson().put("estimatedWaitMinutes", minutes));
    }

    /**
     * Today's board, read in one snapshot together with the id of the last event it reflects: per service, and
     * for the waiting room the day's latest calls ({@code recentCalls}) and its missed numbers ({@code missed}).
     */
    public Future<JsonObject> board(Facility facility) {
        return board(facility, WAITING_SHOWN);
    }

    /**
     * The board with at most {@code waitingLimit} tickets of each poli's line in {@code waiting} (the first ones,
     * in the order they will be called); {@code waitingCount} still counts them all. A screen that shows the
     * counts and the estimates (the kiosk; the display after a settings change) asks for none; the console for
     * the whole line when its receptionist wants to see it.
     */
    public Future<JsonObject> board(Facility facility, int waitingLimit) {
        LocalDate today = facility.today(clock);
        Tuple day = Tuple.of(facility.id(), today);
        return estimator.paces(facility).compose(paces -> PipelinedTransaction.run(pool, tx -> {
            // Every read is sent at once, behind the snapshot's isolation level, and none waits for another's
            // answer: the connection pipelines them, so the board costs one round trip to PostgreSQL, not seven.
            Future<?> snapshot = tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY").execute();
            Future<Long> lastEventId = tx.preparedQuery(EventLog.LAST_ID).execute(Tuple.of(facility.id()))
                    .map(rows -> rows.iterator().next().getLong("last_event_id"));
            Future<List<Service>> services = FacilityDirectory.services(tx, facility);
            // The waiting are counted, and only the first of each line read (none for 0): the cost of a long line
            // is its count, from the line's partial index, and not every ticket in it.
            Future<Map<Long, Integer>> waitingCounts = tx.preparedQuery(WAITING_PER_SERVICE).execute(day)
                    .map(QueueBoard::waitingPerService);
            Future<RowSet<Row>> tickets = tx.preparedQuery(OPEN_TICKETS_BUT_WAITING).execute(day);
            Future<RowSet<Row>> heads = waitingLimit == 0 ? Future.succeededFuture(null)
                    : tx.preparedQuery(WAITING_HEADS).execute(Tuple.of(facility.id(), today, waitingLimit));
            // Closed polis say so on the kiosk, the display and the console, in the same snapshot.
            Future<Map<Long, String>> closed = Closures.closedOn(tx, facility, today);
            // A display opened mid-morning shows the day so far, consistent with lastEventId.
            Future<JsonArray> recentCalls = RecentCalls.today(tx, facility, clock);
            return Future.all(List.of(snapshot, lastEventId, services, waitingCounts, tickets, heads, closed,
                            recentCalls))
                    .map(all -> toJson(facility, lastEventId.result(), services.result(),
                            rowsOf(tickets.result(), heads.result()), paces, waitingCounts.result(), closed.result())
                            .put("recentCalls", recentCalls.result()));
        }));
    }

    private static List<Ticket> rowsOf(RowSet<Row> open, RowSet<Row> heads) {
        List<Ticket> tickets = new ArrayList<>();
        open.forEach(row -> tickets.add(TicketView.map(row)));
        if (heads != null) {
            heads.forEach(row -> tickets.add(TicketView.map(row)));
        }
        return tickets;
    }

    private static Map<Long, Integer> waitingPerService(RowSet<Row> rows) {
        Map<Long, Integer> waiting = new HashMap<>();
        rows.forEach(row -> waiting.put(row.getLong("service_id"), row.getInteger("waiting")));
        return waiting;
    }

    /** One ticket of the facility (404 when it has no such ticket). */
    public Future<Ticket> ticket(Facility facility, long ticketId) {
        return pool.preparedQuery(TICKET_BY_ID).execute(Tuple.of(facility.id(), ticketId)).map(rows -> {
            if (rows.size() == 0) {
                throw Problem.of(ErrorCode.TICKET_NOT_FOUND);
            }
            return TicketView.map(rows.iterator().next());
        });
    }

    /** A ticket read with {@link #ticket}, as the API shows it, with its history (every event). */
    public Future<JsonObject> ticketWithHistory(Facility facility, Ticket ticket) {
        return describe(facility, ticket)
                .compose(json -> EventLog.ofTicket(pool, facility.id(), ticket.id())
                        .map(history -> json.put("history", new JsonArray(new ArrayList<>(history)))));
    }

    /** {@code waitingCounts}: each poli's whole line, counted; {@code tickets} hold its first ones only. */
    private JsonObject toJson(Facility facility, long lastEventId, List<Service> services, List<Ticket> tickets,
                              Map<Long, WaitEstimator.Pace> paces, Map<Long, Integer> waitingCounts,
                              Map<Long, String> closed) {
        JsonArray perService = new JsonArray();
        JsonArray missed = new JsonArray();
        for (Service service : services) {
            List<Ticket> mine = tickets.stream().filter(t -> t.serviceId() == service.id()).toList();
            List<Ticket> waiting = only(mine, TicketStatus.WAITING);
            List<Ticket> nowServing = mine.stream().filter(t -> t.status().atCounter())
                    .sorted(Comparator.comparing(Ticket::calledAt).reversed()).toList();
            WaitEstimator.Pace pace = WaitEstimator.pace(paces, service.id());
            JsonArray waitingJson = new JsonArray(waiting.stream().map(t -> t.toJson()
                    .put("estimatedWaitMinutes", pace.minutesFor(t.position() - 1))).toList());
            int waitingCount = waitingCounts.getOrDefault(service.id(), 0);
            perService.add(ClosedToday.mark(service.toJson(), closed.get(service.id()))
                    .put("waitingCount", waitingCount)
                    .put("estimatedWaitMinutes", pace.minutesFor(waitingCount))
                    .put("nowServing", json(nowServing))
                    .put("waiting", waitingJson)
                    .put("parked", json(only(mine, TicketStatus.PARKED)))
                    .put("booked", json(only(mine, TicketStatus.BOOKED)))
                    .put("skipped", json(only(mine, TicketStatus.SKIPPED))));
            only(mine, TicketStatus.SKIPPED).stream().sorted(Comparator.comparingInt(Ticket::number))
                    .forEach(t -> missed.add(missedNumber(t)));
        }
        return new JsonObject()
                .put("facility", facility.code())
                .put("facilityName", facility.name())
                .put("timeZone", facility.zone().getId())
                .put("serviceDate", facility.today(clock).toString())
                .put("lastEventId", lastEventId)
                .put("services", perService)
                .put("missed", missed);
    }

    /** A number called today that did not come and can still be brought back at the desk: number and poli only. */
    private static JsonObject missedNumber(Ticket ticket) {
        return new JsonObject()
                .put("ticketId", ticket.id())
                .put("label", ticket.label())
                .put("service", ticket.service())
                .put("serviceName", ticket.serviceName());
    }

    private static List<Ticket> only(List<Ticket> tickets, TicketStatus status) {
        return tickets.stream().filter(t -> t.status() == status).toList();
    }

    private static JsonArray json(List<Ticket> tickets) {
        return new JsonArray(tickets.stream().map(Ticket::toJson).toList());
    }
}
