package id.antrean.queue;

import id.antrean.events.EventType;
import id.antrean.web.Messages;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a counter can do to a ticket, and from which statuses. Anything else is an invalid transition
 * (409). Actions on a ticket that is at a counter must come from that counter.
 */
public enum CounterAction {
    CALL(EventType.TICKET_CALLED, EnumSet.of(TicketStatus.WAITING)),
    RECALL(EventType.TICKET_RECALLED, EnumSet.of(TicketStatus.CALLED)),
    SKIP(EventType.TICKET_SKIPPED, EnumSet.of(TicketStatus.CALLED)),
    REQUEUE(EventType.TICKET_REQUEUED, EnumSet.of(TicketStatus.SKIPPED)),
    START(EventType.TICKET_STARTED, EnumSet.of(TicketStatus.CALLED)),
    FINISH(EventType.TICKET_FINISHED, EnumSet.of(TicketStatus.CALLED, TicketStatus.SERVING)),
    TRANSFER(EventType.TICKET_TRANSFERRED, EnumSet.of(TicketStatus.CALLED, TicketStatus.SERVING)),
    PARK(EventType.TICKET_PARKED, EnumSet.of(TicketStatus.CALLED, TicketStatus.SERVING)),
    RESUME(EventType.TICKET_RESUMED, EnumSet.of(TicketStatus.PARKED)),
    CANCEL(EventType.TICKET_CANCELLED, EnumSet.of(TicketStatus.BOOKED, TicketStatus.WAITING, TicketStatus.CALLED,
            TicketStatus.SKIPPED, TicketStatus.PARKED));

    private final EventType eventType;
    private final Set<TicketStatus> from;

    CounterAction(EventType eventType, Set<TicketStatus> from) {
        this.eventType = eventType;
        this.from = from;
    }

    public boolean allowedFrom(TicketStatus status) {
        return from.contains(status);
    }

    /** The action's name in the API: the last segment of {@code POST …/counters/{counter}/{action}}. */
    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * What a counter may do to a ticket of this status, by API name: the ticket JSON's {@code allowedActions},
     * so screens offer exactly what the server accepts instead of keeping a copy of this table. {@code call-next}
     * is not among them: it names no ticket.
     */
    public static List<String> allowedOn(TicketStatus status) {
        return Arrays.stream(values()).filter(action -> action.allowedFrom(status)).map(CounterAction::apiName).toList();
    }

    public EventType eventType() {
        return eventType;
    }

    /** Actions that bring a patient to a counter: the counter must serve the ticket's service, and what it was
     *  calling or serving is finished first. */
    public boolean calls() {
        return this == CALL || this == RESUME;
    }

    Messages.Key text() {
        return new Messages.Key("action." + name());
    }
}
