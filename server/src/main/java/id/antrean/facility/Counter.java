package id.antrean.facility;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** A counter: loket (desk) or ruang (room) where tickets of the services it serves are called. */
public record Counter(long id, String code, String name, List<Long> serviceIds, List<String> serviceCodes) {

    public boolean serves(long serviceId) {
        return serviceIds.contains(serviceId);
    }

    /** How events and tickets name the counter. */
    public JsonObject reference() {
        return new JsonObject().put("code", code).put("name", name);
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("code", code)
                .put("name", name)
                .put("services", new JsonArray(serviceCodes));
    }
}
