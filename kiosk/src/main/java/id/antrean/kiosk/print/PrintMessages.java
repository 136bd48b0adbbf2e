package id.antrean.kiosk.print;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Patient-facing texts about printing, from {@code i18n/kiosk_print_id.properties} and {@code _en.properties}
 * (UTF-8, MessageFormat patterns). The kiosk speaks Bahasa Indonesia and English only; any other language gets
 * Indonesian rather than whatever the JVM's default locale happens to be.
 */
public final class PrintMessages {
    public static final Locale INDONESIAN = Locale.forLanguageTag("id");
    public static final Locale ENGLISH = Locale.ENGLISH;
    static final String BUNDLE = "i18n.kiosk_print";

    // Without this, ResourceBundle falls back to the JVM's default locale, which differs from kiosk to kiosk.
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private PrintMessages() {
    }

    public static String problem(PrinterProblem.Kind kind, Locale locale) {
        return format("print.problem." + kind.name(), locale);
    }

    public static String status(PrinterStatus.State state, Locale locale) {
        return format("print.status." + state.name(), locale);
    }

    private static String format(String key, Locale requested) {
        Locale locale = supported(requested);
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, PrintMessages.class.getClassLoader(), NO_FALLBACK);
        // Through MessageFormat even without arguments, so the files follow one rule: a quote is written ''.
        return new MessageFormat(bundle.getString(key), locale).format(new Object[0]);
    }

    private static Locale supported(Locale requested) {
        return requested != null && ENGLISH.getLanguage().equals(requested.getLanguage()) ? ENGLISH : INDONESIAN;
    }
}
