package id.antrean.facility;

import io.vertx.core.Future;
import java.util.Map;

/**
 * Which services are closed on the facility's local day today, with the reason, by service id. Implemented by
 * the closures feature (which depends on this package, so it cannot be called from here by name).
 */
@FunctionalInterface
public interface ClosedToday {
    ClosedToday NONE = facility -> Future.succeededFuture(Map.of());

    Future<Map<Long, String>> closedToday(Facility facility);
}
