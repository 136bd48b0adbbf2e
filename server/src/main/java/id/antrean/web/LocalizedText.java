package id.antrean.web;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/** A text for people in Bahasa Indonesia and English. */
public record LocalizedText(String id, String en) {
    /** The text in one language: English for {@code en}, Bahasa Indonesia otherwise. */
    public String in(Locale locale) {
        return locale.getLanguage().equals(Locale.ENGLISH.getLanguage()) ? en : id;
    }

    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("en", en);
    }
}
