package id.antrean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The console's keyboard shortcuts come from its bundles: in each language, one single letter per action, no two alike. */
class ConsoleShortcutKeysTest {
    private static final List<String> ACTIONS = List.of("callNext", "recall", "start", "skip", "finish", "transfer",
            "park", "cancel");

    private static Properties bundle(String language) throws IOException {
        Properties texts = new Properties();
        try (Reader in = new InputStreamReader(ConsoleShortcutKeysTest.class.getResourceAsStream(
                "/i18n/console_" + language + ".properties"), StandardCharsets.UTF_8)) {
            texts.load(in);
        }
        return texts;
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "en"})
    void everyActionHasItsOwnLetterInTheLanguage(String language) throws IOException {
        Properties texts = bundle(language);
        List<String> letters = ACTIONS.stream().map(a -> texts.getProperty("console.key." + a)).toList();
        assertThat(letters).as(language).allMatch(l -> l != null && l.matches("[A-Z]"), "one capital letter")
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "en"})
    void eachLetterIsInTheNameOfItsAction(String language) throws IOException {
        Properties texts = bundle(language);
        for (String action : ACTIONS) {
            assertThat(texts.getProperty("console.action." + action).toUpperCase())
                    .as(language + " " + action).contains(texts.getProperty("console.key." + action));
        }
    }
}
