package id.antrean.notify;

import id.antrean.web.Messages;
import io.vertx.core.json.JsonObject;

/** The text of a message, from the bundles, in Bahasa Indonesia (the patients' language; one SMS, no switch). */
final class NotifyTexts {
    private NotifyTexts() {
    }

    static String of(String kind, JsonObject payload) {
        String label = payload.getString("label");
        if ("CALLED".equals(kind)) {
            return Messages.text("notify.called", label, payload.getString("room")).id();
        }
        int ahead = payload.getInteger("ahead");
        return ahead == 0
                ? Messages.text("notify.next", label, payload.getString("service")).id()
                : Messages.text("notify.near", label, ahead, payload.getString("service")).id();
    }
}
