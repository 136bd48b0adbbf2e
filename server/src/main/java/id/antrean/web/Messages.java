package id.antrean.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Texts for patients and staff, from the {@code i18n/messages} bundles: Bahasa Indonesia first, English second. */
public final class Messages {
    public static final Locale INDONESIAN = Locale.forLanguageTag("id");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final ResourceBundle ID = ResourceBundle.getBundle("i18n.messages", INDONESIAN, NO_FALLBACK);
    private static final ResourceBundle EN = ResourceBundle.getBundle("i18n.messages", Locale.ENGLISH, NO_FALLBACK);

    private Messages() {
    }

    public static LocalizedText text(String key, Object... args) {
        return new LocalizedText(format(ID, INDONESIAN, key, args), format(EN, Locale.ENGLISH, key, args));
    }

    private static String format(ResourceBundle bundle, Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            // A missing text is a defect, caught by MessagesTest; never hide the error behind it.
            return key;
        }
        Object[] resolved = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            resolved[i] = args[i] instanceof Key k ? format(bundle, locale, k.key()) : args[i];
        }
        return new MessageFormat(pattern, locale).format(resolved);
    }

    /** An argument that is itself a text to translate, such as a ticket status. */
    public record Key(String key) {
    }

    static ResourceBundle bundle(Locale locale) {
        return locale.getLanguage().equals("id") ? ID : EN;
    }
}
