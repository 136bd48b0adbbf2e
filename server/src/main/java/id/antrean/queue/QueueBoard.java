package id.antrean.queue;

import id.antrean.closure.Closures;
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
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the state of a facility's queues: the board of today, and single tickets with their history. */
public final class QueueBoard {
    // Every waiting ticket of the day is selected, so positions can be ranked in one pass (TicketView).
    static final String OPEN_TICKETS_OF_DAY = TicketView.selectLineFrom("ticket") + """
            WHERE t.facility_id = $1 AND t.service_date = $2
              AND t.status IN ('BOOKED', 'WAITING', 'CALLED', 'SERVING', 'PARKED', 'SKIPPED')
            ORDER BY t.priority DESC, t.line_at, t.queue_order""";
    // A board without the line (waitingLimit=0): the open tickets but the waiting, and the waiting only counted
    // (from the partial index of the line), so its cost does not grow with the line.
    static final String OPEN_TICKETS_BUT_WAITING = TicketView.selectLineFrom("ticket") + """
            WHERE t.facility_id = $1 AND t.service_date = $2
              AND t.status IN ('BOOKED', 'CALLED', 'SERVING', 'PARKED', 'SKIPPED')
            ORDER BY t.priority DESC, t.line_at, t.queue_order""";
    static final String WAITING_PER_SERVICE = """
            SELECT service_id, count(*) AS waiting FROM ticket
            WHERE facility_id = $1 AND service_date = $2 AND status = 'WAITING'
            GROUP BY service_id""";
    static final String TICKET_BY_ID = TicketView.selectFrom("ticket") + """
            WHERE t.facility_id = $1 AND t.ticket_id = $2""";

    /** Every waiting ticket: the board of the console and of the event stream's snapshot. */
    public static final int ALL_WAITING = Integer.MAX_VALUE;

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
        return board(facility, ALL_WAITING);
    }

    /**
     * The board with at most {@code waitingLimit} tickets of each poli's line in {@code waiting} (the first ones,
     * in the order they will be called); {@code waitingCount} still counts them all. A screen that shows the
     * counts and the estimates (the kiosk; the display after a settings change) needs no line: 1,000 waiting cost
     * a 570 KB answer in full.
     */
    public Future<JsonObject> board(Facility facility, int waitingLimit) {
        LocalDate today = facility.today(clock);
        Tuple day = Tuple.of(facility.id(), today);
        return estimator.paces(facility).compose(paces -> pool.withTransaction(tx -> {
            // Every read is sent at once, behind the snapshot's isolation level, and none waits for another's
            // answer: the connection pipelines them, so the board costs one round trip to PostgreSQL, not seven.
            Future<?> snapshot = tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY").execute();
            Future<Long> lastEventId = tx.preparedQuery(EventLog.LAST_ID).execute(Tuple.of(facility.id()))
                    .map(rows -> rows.iterator().next().getLong("last_event_id"));
            Future<List<Service>> services = FacilityDirectory.services(tx, facility);
            // Without the line (waitingLimit=0), the waiting are only counted, from the partial index of the line.
            Future<Map<Long, Integer>> waitingNotRead = waitingLimit == 0
                    ? tx.preparedQuery(WAITING_PER_SERVICE).execute(day).map(QueueBoard::waitingPerService)
                    : Future.succeededFuture(Map.of());
            Future<RowSet<Row>> tickets = tx.preparedQuery(waitingLimit == 0 ? OPEN_TICKETS_BUT_WAITING
                    : OPEN_TICKETS_OF_DAY).execute(day);
            // Closed polis say so on the kiosk, the display and the console, in the same snapshot.
            Future<Map<Long, String>> closed = Closures.closedOn(tx, facility, today);
            // A display opened mid-morning shows the day so far, consistent with lastEventId.
            Future<JsonArray> recentCalls = RecentCalls.today(tx, facility, clock);
            return Future.all(List.of(snapshot, lastEventId, services, waitingNotRead, tickets, closed, recentCalls))
                    .map(all -> toJson(facility, lastEventId.result(), services.result(), tickets.result(), paces,
                            waitingLimit, waitingNotRead.result(), closed.result())
                            .put("recentCalls", recentCalls.result()));
        }));
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

    private JsonObject toJson(Facility facility, long lastEventId, List<Service> services, Iterable<Row> rows,
                              Map<Long, WaitEstimator.Pace> paces, int waitingLimit, Map<Long, Integer> waitingNotRead,
                              Map<Long, String> closed) {
        List<Ticket> tickets = new ArrayList<>();
        // The rows come in line order: past the limit, a waiting ticket is only counted, not read.
        Map<Long, Integer> waitingSeen = new HashMap<>();
        Map<Long, Integer> waitingLeftOut = new HashMap<>(waitingNotRead);
        rows.forEach(row -> {
            if (TicketStatus.WAITING.name().equals(row.getString("status"))) {
                long service = row.getLong("service_id");
                if (waitingSeen.merge(service, 1, Integer::sum) > waitingLimit) {
                    waitingLeftOut.merge(service, 1, Integer::sum);
                    return;
                }
            }
            tickets.add(TicketView.map(row));
        });
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
            int waitingCount = waiting.size() + waitingLeftOut.getOrDefault(service.id(), 0);
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
