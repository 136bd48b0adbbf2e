package id.antrean.facility;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Which services are closed on the facility's local day today, with the reason, by service id. Implemented by
 * the closures feature (which depends on this package, so it cannot be called from here by name).
 */
@FunctionalInterface
public interface ClosedToday {
    ClosedToday NONE = facility -> Future.succeededFuture(Map.of());

    Future<Map<Long, String>> closedToday(Facility facility);

    /**
     * A service's JSON as every screen reads it: a poli closed that day says why ({@code closedToday: {reason}}), so
     * the kiosk hides it and the display and the console can say so. {@code reason} null: open, left as it is.
     */
    static JsonObject mark(JsonObject service, String reason) {
        return reason == null ? service : service.put("closedToday", new JsonObject().put("reason", reason));
    }
}
