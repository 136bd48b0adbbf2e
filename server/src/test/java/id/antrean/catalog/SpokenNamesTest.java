package id.antrean.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The server's idea of what the display can say is the display's own: its vocabulary with a clip each. */
class SpokenNamesTest {
    private final SpokenNames display = SpokenNames.ofDisplay();

    @Test
    void theDisplaysVocabularyIsReadFromItsVoice() {
        assertThat(display.words()).contains("ruang", "loket", "periksa", "umum", "laboratorium", "dan")
                .doesNotContain("chime", "silakan-ke", "satu", "be");
    }

    @Test
    void numbersSingleLettersAndKnownWordsAreSayableInAnyCaseAndWithAccents() {
        assertThat(display.unsayable("Ruang Périksa UMUM 12")).isEmpty();
        assertThat(display.unsayable("Loket B-2")).isEmpty();
    }

    @Test
    void anUnknownWordIsNamedOnce() {
        assertThat(display.unsayable("Ruang Akupunktur dan akupunktur 3")).containsExactly("akupunktur");
        // a number word is not a room word: the display would spell it letter by letter
        assertThat(display.unsayable("Ruang satu")).containsExactly("satu");
    }
}
