package id.antrean.facility;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A counter: loket (desk) or ruang (room) where tickets of the services it serves are called.
 *
 * @param spokenName what the display's voice says for it; null to say its name
 */
public record Counter(long id, String code, String name, String spokenName, List<Long> serviceIds,
                      List<String> serviceCodes) {

    public boolean serves(long serviceId) {
        return serviceIds.contains(serviceId);
    }

    /** How events and tickets name the counter (the spoken name only when it has one). */
    public JsonObject reference() {
        JsonObject json = new JsonObject().put("code", code).put("name", name);
        return spokenName == null ? json : json.put("spokenName", spokenName);
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("code", code)
                .put("name", name)
                .put("spokenName", spokenName)
                .put("services", new JsonArray(serviceCodes));
    }
}
