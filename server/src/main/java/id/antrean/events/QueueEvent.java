package id.antrean.events;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A change to a facility's queue, as screens and consoles receive it: {@code {id, type, at, ticket, ...}}.
 * The id is given when the event is stored ({@link EventLog}).
 *
 * @param type     e.g. {@code TICKET_CALLED}
 * @param body     what the event carries besides id, type and time (the ticket's public view, ...)
 */
public record QueueEvent(long facilityId, EventType type, Instant at, ZoneId zone, Long ticketId, Long serviceId,
                         Long counterId, JsonObject body) {

    /** The stored payload: everything but the id, which the database assigns. */
    public JsonObject payload() {
        return body.copy()
                .put("type", type.name())
                .put("at", at.atZone(zone).toOffsetDateTime().toString());
    }

    /** A stored event's payload with its id, as it is sent to clients. */
    static JsonObject withId(long eventId, JsonObject payload) {
        return new JsonObject().put("id", eventId).mergeIn(payload);
    }
}
