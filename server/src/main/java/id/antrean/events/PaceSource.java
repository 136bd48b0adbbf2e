package id.antrean.events;

import id.antrean.facility.Facility;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Where the event stream learns each service's pace (the queue's wait estimator): by service code,
 * {@code {"UMUM": {"secondsPerPatient": 312.5, "counters": 2}}}, seconds null when there is no basis.
 */
@FunctionalInterface
public interface PaceSource {
    /** @param fresh measured now rather than taken from a short-lived cache */
    Future<JsonObject> paces(Facility facility, boolean fresh);
}
