package id.antrean.kiosk.web;

import io.vertx.core.json.JsonObject;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A failure the kiosk page shows to the patient: a stable code and a message in Bahasa Indonesia and
 * English (bundle {@code i18n/kiosk_agent}), sent as {@code application/problem+json}.
 */
public final class KioskProblem extends RuntimeException {
    private static final Locale INDONESIAN = Locale.forLanguageTag("id");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String code;
    private final int status;
    private final transient Object[] args;

    public KioskProblem(String code, int status, Object... args) {
        super(code, null, false, false);
        this.code = code;
        this.status = status;
        this.args = args;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public JsonObject toJson() {
        String en = text(Locale.ENGLISH);
        return new JsonObject()
                .put("type", "urn:antrean:kiosk:" + code.toLowerCase(Locale.ROOT).replace('_', '-'))
                .put("title", en)
                .put("status", status)
                .put("code", code)
                .put("message", new JsonObject().put("id", text(INDONESIAN)).put("en", en));
    }

    private String text(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.kiosk_agent", locale, NO_FALLBACK);
        return new MessageFormat(bundle.getString("agent.error." + code), locale).format(args);
    }
}
