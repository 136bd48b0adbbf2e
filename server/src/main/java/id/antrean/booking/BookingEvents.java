package id.antrean.booking;

import id.antrean.events.EventLog;
import id.antrean.events.EventType;
import id.antrean.events.QueueEvent;
import id.antrean.facility.Facility;
import id.antrean.queue.Ticket;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;

/** The event of a booking's change, written in the change's own transaction like every queue change. */
final class BookingEvents {
    private BookingEvents() {
    }

    static Future<Void> append(SqlClient tx, Facility facility, EventType type, Ticket ticket, Instant at) {
        return EventLog.append(tx, new QueueEvent(facility.id(), type, at, facility.zone(), ticket.id(),
                ticket.serviceId(), null, new JsonObject().put("ticket", ticket.toJson()))).mapEmpty();
    }
}
