package id.antrean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void everyErrorCodeHasATextInBahasaIndonesiaAndInEnglish() {
        for (ErrorCode code : ErrorCode.values()) {
            LocalizedText text = Problem.of(code, "X", "Y", "Z").text();
            assertThat(text.id()).as(code.name()).isNotBlank().doesNotStartWith("error.");
            assertThat(text.en()).as(code.name()).isNotBlank().doesNotStartWith("error.");
        }
    }

    @Test
    void bothBundlesHaveTheSameKeys() {
        ResourceBundle id = Messages.bundle(Messages.INDONESIAN);
        ResourceBundle en = Messages.bundle(Locale.ENGLISH);
        assertThat(Collections.list(id.getKeys())).containsExactlyInAnyOrderElementsOf(Collections.list(en.getKeys()));
        assertThat(id.getString("error.QUEUE_EMPTY")).isNotEqualTo(en.getString("error.QUEUE_EMPTY"));
    }

    @Test
    void argumentsThatAreTextsAreTranslatedToo() {
        LocalizedText text = Messages.text("error.INVALID_TRANSITION", "A-001",
                new Messages.Key("status.DONE"), new Messages.Key("action.SKIP"));
        assertThat(text.id()).isEqualTo("Nomor A-001 berstatus selesai; tindakan \"lewati\" tidak bisa dilakukan.");
        assertThat(text.en()).isEqualTo("Ticket A-001 is done; \"skip\" cannot be done.");
    }
}
