package id.antrean.web;

import io.vertx.core.json.JsonObject;

/** A text for people in Bahasa Indonesia and English. */
public record LocalizedText(String id, String en) {
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("en", en);
    }
}
