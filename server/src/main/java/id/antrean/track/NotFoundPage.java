package id.antrean.track;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What an unknown or expired tracking link shows: a friendly page, not an error, in Bahasa Indonesia and then English
 * (the page cannot know which its reader prefers), from the {@code i18n/track} bundles. Made once: it says the same
 * to everyone, and nothing about the code.
 */
final class NotFoundPage {
    static final String HTML = render();

    private NotFoundPage() {
    }

    private static String render() {
        ResourceBundle.Control exact = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        ResourceBundle id = ResourceBundle.getBundle("i18n.track", Locale.forLanguageTag("id"), exact);
        ResourceBundle en = ResourceBundle.getBundle("i18n.track", Locale.ENGLISH, exact);
        return """
                <!doctype html>
                <html lang="id">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%s</title>
                <link rel="stylesheet" href="/track/track.css">
                </head>
                <body data-status="gone">
                <section class="gone">
                <h1>%s</h1>
                <p>%s</p>
                <h2 lang="en">%s</h2>
                <p lang="en">%s</p>
                </section>
                </body>
                </html>
                """.formatted(escape(id.getString("track.title")), escape(id.getString("track.gone.title")),
                escape(id.getString("track.gone.text")), escape(en.getString("track.gone.title")),
                escape(en.getString("track.gone.text")));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
