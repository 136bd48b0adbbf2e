package id.antrean.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The tracking page's texts: both languages have every key, and every key the page asks for is there. */
class TrackTextsTest {

    private static Properties bundle(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = resource("i18n/track_" + lang + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static InputStream resource(String name) {
        InputStream in = TrackTextsTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    private static String text(String name) throws IOException {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndEveryKeyThePageUses() throws IOException {
        Properties id = bundle("id");
        Properties en = bundle("en");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(id.stringPropertyNames());
        Set<String> used = new TreeSet<>();
        Matcher html = Pattern.compile("data-t=\"([^\"]+)\"").matcher(text("webroot/track/index.html"));
        while (html.find()) {
            used.add(html.group(1));
        }
        Matcher js = Pattern.compile("'(track\\.[A-Za-z.]+)'").matcher(text("webroot/track/track.js"));
        while (js.find()) {
            used.add(js.group(1));
        }
        // Statuses are asked for as 'track.status.' + status.
        for (String status : new String[] {"BOOKED", "WAITING", "CALLED", "SERVING", "PARKED", "SKIPPED", "DONE",
                "CANCELLED", "NO_SHOW"}) {
            used.add("track.status." + status);
        }
        used.remove("track.status.");
        assertThat(used).hasSizeGreaterThan(10);
        assertThat(id.stringPropertyNames()).containsAll(used);
        // What the friendly page for unknown codes reads (NotFoundPage).
        assertThat(id.stringPropertyNames()).contains("track.title", "track.gone.title", "track.gone.text");
    }
}
