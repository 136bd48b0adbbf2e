package id.antrean.reports;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.web.Messages;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Every code the ticket table may hold (its CHECK constraints) is explained in words in the CSV, in both languages. */
class CsvCodesTest {
    private static final Map<String, String[]> CODES = Map.of(
            "source", new String[] {"WALK_IN", "ONLINE"},
            "payer", new String[] {"JKN", "UMUM"},
            "status", new String[] {"BOOKED", "WAITING", "CALLED", "SERVING", "PARKED", "SKIPPED", "DONE", "CANCELLED",
                "NO_SHOW"},
            "eligibility", new String[] {"ACTIVE_HERE", "REGISTERED_ELSEWHERE", "INACTIVE", "NOT_FOUND", "UNVERIFIED"});

    @Test
    void everyCodeOfTheTicketTableHasWordsInIndonesianAndEnglish() {
        for (Locale locale : new Locale[] {Messages.INDONESIAN, Locale.ENGLISH}) {
            ResourceBundle texts = ResourceBundle.getBundle("i18n.messages", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            CODES.forEach((kind, codes) -> {
                for (String code : codes) {
                    String key = "csv." + kind + "." + code;
                    assertThat(texts.containsKey(key)).as(locale + " " + key).isTrue();
                    if (code.contains("_")) {
                        assertThat(texts.getString(key)).as(locale + " " + key).doesNotContain(code);
                    }
                }
            });
        }
    }
}
