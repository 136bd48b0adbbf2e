package id.antrean.queue;

import id.antrean.closure.Closures;
import id.antrean.events.EventLog;
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
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
        return estimator.paces(facility).compose(paces ->
                pool.withTransaction(tx -> tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                .execute()
                .compose(v -> tx.preparedQuery(EventLog.LAST_ID).execute(Tuple.of(facility.id())))
                .compose(last -> FacilityDirectory.services(tx, facility).compose(services -> {
                    long lastEventId = last.iterator().next().getLong("last_event_id");
                    Tuple day = Tuple.of(facility.id(), facility.today(clock));
                    if (waitingLimit == 0) {
                        return tx.preparedQuery(WAITING_PER_SERVICE).execute(day).compose(counts -> {
                            java.util.Map<Long, Integer> waiting = new java.util.HashMap<>();
                            counts.forEach(row -> waiting.put(row.getLong("service_id"), row.getInteger("waiting")));
                            return tx.preparedQuery(OPEN_TICKETS_BUT_WAITING).execute(day)
                                    .map(rows -> toJson(facility, lastEventId, services, rows, paces, 0, waiting));
                        });
                    }
                    return tx.preparedQuery(OPEN_TICKETS_OF_DAY).execute(day)
                            .map(rows -> toJson(facility, lastEventId, services, rows, paces, waitingLimit,
                                    java.util.Map.of()));
                }))
                // Closed polis say so on the kiosk, the display and the console, in the same snapshot.
                .compose(board -> Closures.markClosed(tx, facility, facility.today(clock), board.getJsonArray("services"))
                        .map(board))
                // A display opened mid-morning shows the day so far, consistent with lastEventId.
                .compose(board -> RecentCalls.today(tx, facility, clock).map(calls -> board.put("recentCalls", calls)))));
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
                              java.util.Map<Long, WaitEstimator.Pace> paces, int waitingLimit,
                              java.util.Map<Long, Integer> waitingNotRead) {
        List<Ticket> tickets = new ArrayList<>();
        // The rows come in line order: past the limit, a waiting ticket is only counted, not read.
        java.util.Map<Long, Integer> waitingSeen = new java.util.HashMap<>();
        java.util.Map<Long, Integer> waitingLeftOut = new java.util.HashMap<>(waitingNotRead);
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
            perService.add(service.toJson()
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
