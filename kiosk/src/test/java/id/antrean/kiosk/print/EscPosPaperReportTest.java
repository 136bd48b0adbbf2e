package id.antrean.kiosk.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EscPosPaperReportTest {

    @ParameterizedTest(name = "0x{0} -> {1}")
    @CsvSource({
            "12, PRESENT",
            "16, NEAR_END",
            "1A, NEAR_END",
            "1E, NEAR_END",
            "32, OUT",
            "52, OUT",
            "72, OUT",
            "7E, OUT",
            "FF, UNRECOGNISED",
            "00, UNRECOGNISED",
            "60, UNRECOGNISED",
    })
    void theAnswerToDleEot4IsReadFromItsSensorBits(String hex, PaperReport expected) {
        assertThat(PaperReport.of(OptionalInt.of(Integer.parseInt(hex, 16)))).isEqualTo(expected);
    }

    @Test
    void noAnswerMeansThePrinterIsSilentNotOutOfPaper() {
        assertThat(PaperReport.of(OptionalInt.empty())).isEqualTo(PaperReport.SILENT);
    }
}
