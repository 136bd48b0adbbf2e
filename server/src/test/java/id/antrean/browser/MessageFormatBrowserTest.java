package id.antrean.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The pages' message formatter (/assets/message-format.js, also the kiosk's build-time copy) reads the bundles'
 * patterns exactly as java.text.MessageFormat does on the server: checked in Chromium against Java, on tricky
 * patterns and on every text of the console, display and kiosk bundles.
 */
class MessageFormatBrowserTest {
    private static final Locale INDONESIAN = Locale.forLanguageTag("id");
    private TestServer server;
    private Browser browser;

    @BeforeEach
    void start() {
        server = TestServer.start(Clock.systemUTC());
        browser = Browser.desk();
        browser.driver().get("http://localhost:" + server.port() + "/console/");
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        Object loaded = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/assets/message-format.js').then((m) => { window.messageFormat = m; done(true); },
                  (e) => done(String(e)));""");
        assertThat(loaded).isEqualTo(true);
    }

    @AfterEach
    void stop() {
        browser.close();
        server.close();
    }

    @Test
    void quotesBracesMissingArgumentsAndNumbersAsInJava() {
        List<Object[]> cases = List.of(
                new Object[] {"Patient''s card {0}", List.of("*7890")},
                new Object[] {"'{0}' is {0}", List.of("seven")},
                new Object[] {"It''s '{quoted}' and '''' and {1}", List.of("a", "b")},
                new Object[] {"{0} and {2}", List.of("only", "two")},
                new Object[] {"no arguments {0}", List.of()},
                new Object[] {"An unterminated 'quote {0} runs to the end", List.of("x")},
                new Object[] {"a } brace and '' twice ''", List.of()},
                new Object[] {"{0} waiting, {1} minutes", List.of(1234L, 7L)},
                new Object[] {"{0} of {1}", List.of(2.5, 1234567.125)},
                new Object[] {"null is {0}", Arrays.asList((Object) null)});
        for (Object[] c : cases) {
            String pattern = (String) c[0];
            List<?> args = (List<?>) c[1];
            for (Locale locale : List.of(INDONESIAN, Locale.ENGLISH)) {
                String java = new MessageFormat(pattern, locale).format(args.toArray());
                Object js = browser.script("return window.messageFormat.formatMessage(arguments[0], arguments[1], arguments[2]);",
                        pattern, args, locale.getLanguage());
                assertThat(js).as(pattern + " " + locale).isEqualTo(java);
            }
        }
    }

    @Test
    void missingKeysGiveTheKeyAsTheServerDoesUnlessThePageSaysOtherwise() {
        assertThat(browser.script("""
                const t = window.messageFormat.translator({ a: 'A {0}' }, 'id');
                return [t('a', 1), t('nope'), t.has('a'), t.has('nope')];""")).isEqualTo(List.of("A 1", "nope", true, false));
        assertThat(browser.script("""
                const t = window.messageFormat.translator({ a: 'A' }, 'en', { fallback: { b: 'B' }, missing: () => '' });
                return [t('a'), t('b'), t('nope')];""")).isEqualTo(List.of("A", "B", ""));
    }

    @Test
    void everyTextOfThePagesBundlesReadsAsInJava() throws IOException {
        List<String> args = List.of("‹0›", "‹1›", "‹2›", "‹3›", "‹4›", "‹5›");
        for (String bundle : List.of("console", "display", "kiosk", "track")) {
            for (Locale locale : List.of(INDONESIAN, Locale.ENGLISH)) {
                Map<String, String> patterns = bundle("i18n/" + bundle + "_" + locale.getLanguage() + ".properties");
                assertThat(patterns).as(bundle).isNotEmpty();
                Map<String, String> java = new LinkedHashMap<>();
                patterns.forEach((key, pattern) -> java.put(key, new MessageFormat(pattern, locale).format(args.toArray())));
                Object js = browser.script("""
                        const out = {};
                        for (const [key, pattern] of Object.entries(arguments[0])) {
                          out[key] = window.messageFormat.formatMessage(pattern, arguments[1], arguments[2]);
                        }
                        return out;""", patterns, args, locale.getLanguage());
                assertThat(js).as(bundle + " " + locale).isEqualTo(java);
            }
        }
    }

    private static Map<String, String> bundle(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageFormatBrowserTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Map<String, String> patterns = new LinkedHashMap<>();
        new ArrayList<>(properties.stringPropertyNames()).stream().sorted()
                .forEach(key -> patterns.put(key, properties.getProperty(key)));
        return patterns;
    }
}
