package id.antrean.events;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Tells the facility's kiosks, displays and consoles that an admin changed a setting, so they reload it without
 * anyone pressing refresh: a {@code SETTINGS_CHANGED} event {@code {"settings": "services"}} on the facility's
 * stream, stored in the transaction of the change like every other event.
 */
public final class SettingsChanged {
    private SettingsChanged() {
    }

    /**
     * @param what which part changed, as clients read it: {@code profile}, {@code services}, {@code schedule},
     *             {@code closures}, {@code counters}, {@code staff}, {@code devices}, {@code bpjs}, {@code backups}, {@code notify}
     */
    public static Future<JsonObject> announce(SqlClient tx, long facilityId, ZoneId zone, String what, Instant at) {
        return EventLog.append(tx, new QueueEvent(facilityId, EventType.SETTINGS_CHANGED, at, zone, null, null, null,
                new JsonObject().put("settings", what)));
    }
}
