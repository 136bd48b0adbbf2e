package id.antrean.kiosk.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PrintMessagesTest {

    @Test
    void thePatientIsSentToTheRegistrationDeskInBahasaIndonesia() {
        assertThat(PrintMessages.problem(PrinterProblem.Kind.PRINTER_NOT_FOUND, PrintMessages.INDONESIAN))
                .isEqualTo("Printer tidak tersedia. Silakan ambil nomor di loket pendaftaran.");
    }

    @Test
    void thePatientIsSentToTheRegistrationDeskInEnglish() {
        assertThat(PrintMessages.problem(PrinterProblem.Kind.PRINTER_NOT_FOUND, Locale.UK))
                .isEqualTo("The printer is not available. Please get your number at the registration desk.");
    }

    @Test
    void aDoubledQuoteInTheFileComesOutAsOneApostrophe() {
        assertThat(PrintMessages.problem(PrinterProblem.Kind.FAILED, Locale.ENGLISH))
                .isEqualTo("Your ticket couldn't be printed. Please get your number at the registration desk.");
    }

    @Test
    void languagesTheKioskDoesNotSpeakGetIndonesianWhateverTheJvmDefault() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertThat(PrintMessages.problem(PrinterProblem.Kind.OUT_OF_PAPER, Locale.FRENCH))
                    .isEqualTo("Kertas printer habis. Silakan ambil nomor di loket pendaftaran.");
            assertThat(PrintMessages.problem(PrinterProblem.Kind.OUT_OF_PAPER, null))
                    .startsWith("Kertas printer habis");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void theOldIsoCodeForIndonesianStillMeansIndonesian() {
        assertThat(PrintMessages.problem(PrinterProblem.Kind.UNREACHABLE, Locale.of("in", "ID")))
                .isEqualTo(PrintMessages.problem(PrinterProblem.Kind.UNREACHABLE, PrintMessages.INDONESIAN));
    }

    @ParameterizedTest
    @EnumSource(PrinterProblem.Kind.class)
    void everyProblemHasAPlainSentenceInBothLanguages(PrinterProblem.Kind kind) {
        String indonesian = PrintMessages.problem(kind, PrintMessages.INDONESIAN);
        String english = PrintMessages.problem(kind, PrintMessages.ENGLISH);

        assertThat(indonesian).contains("loket pendaftaran").doesNotContain("{", "''");
        assertThat(english).contains("registration desk").doesNotContain("{", "''");
        assertThat(indonesian).isNotEqualTo(english);
    }

    @ParameterizedTest
    @EnumSource(PrinterStatus.State.class)
    void everyPrinterStateHasALabelInBothLanguages(PrinterStatus.State state) {
        PrinterStatus status = new PrinterStatus(state, "test");

        assertThat(status.label(PrintMessages.INDONESIAN)).isNotBlank().doesNotContain("''");
        assertThat(status.label(PrintMessages.ENGLISH)).isNotBlank().doesNotContain("''")
                .isNotEqualTo(status.label(PrintMessages.INDONESIAN));
    }
}
