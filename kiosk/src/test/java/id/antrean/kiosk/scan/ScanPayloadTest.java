package id.antrean.kiosk.scan;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.kiosk.scan.ScanPayload.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ScanPayloadTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            # text                                                   | kind    | value
            0001234567890                                            | CARD    | 0001234567890
            '  0001234567890  '                                      | CARD    | 0001234567890
            No. Kartu: 0001234567890                                 | CARD    | 0001234567890
            No.Kartu:0001234567890;                                  | CARD    | 0001234567890
            '{"noKartu":"0001234567890","nama":"BUDI S","kelas":3}'  | CARD    | 0001234567890
            noka=0001234567890&tgl=2025-03-01                        | CARD    | 0001234567890
            0001 2345 67890                                          | CARD    | 0001234567890
            0001-2345-67890                                          | CARD    | 0001234567890
            0001.2345.67890                                          | CARD    | 0001234567890
            Kartu 000 1234 567 890 aktif                             | CARD    | 0001234567890
            JKN0001234567890X                                        | CARD    | 0001234567890
            lahir 12-05-1958 0001234567890                           | CARD    | 0001234567890
            7371011205580001                                         | NIK     | 7371011205580001
            NIK: 7371011205580001                                    | NIK     | 7371011205580001
            7371-0112-0558-0001                                      | NIK     | 7371011205580001
            7371 01 120558 0001                                      | NIK     | 7371011205580001
            7371015205580001                                         | NIK     | 7371015205580001
            7371017105580001                                         | NIK     | 7371017105580001
            1101010101000001                                         | NIK     | 1101010101000001
            9471013112990001                                         | NIK     | 9471013112990001
            7371012902000001                                         | NIK     | 7371012902000001
            7371016902000001                                         | NIK     | 7371016902000001
            '{"nik":"7371011205580001","noKartu":"0001234567890"}'   | CARD    | 0001234567890
            nik 3174051234560001 atau kartu 0009876543210            | CARD    | 0009876543210
            0001234567890 7371011205580001                           | CARD    | 0001234567890
            ANTREAN:pkm-demo:123:A-012                               | BOOKING | ANTREAN:pkm-demo:123:A-012
            '  ANTREAN:pkm-demo:123:A-012\n'                         | BOOKING | ANTREAN:pkm-demo:123:A-012
            ANTREAN:pkm-kassi-kassi:987654321:E-1203                 | BOOKING | ANTREAN:pkm-kassi-kassi:987654321:E-1203
            http://192.168.1.10:8080/t/AbCdEfGhIjKlMnOpQrStUv        | BOOKING | http://192.168.1.10:8080/t/AbCdEfGhIjKlMnOpQrStUv
            https://antrean.pkm.id/t/Ab-dEfGhIjKlMnOpQrS_Uv          | BOOKING | https://antrean.pkm.id/t/Ab-dEfGhIjKlMnOpQrS_Uv
            ' https://pkm.id/antrean/t/AbCdEfGhIjKlMnOpQrStUv '      | BOOKING | https://pkm.id/antrean/t/AbCdEfGhIjKlMnOpQrStUv
            https://antrean.pkm.id/t/AbCdEfGhIj                      | OTHER   |
            https://antrean.pkm.id/t/AbCdEfGhIjKlMnOpQrStUv?x=1      | OTHER   |
            https://antrean.pkm.id/x/AbCdEfGhIjKlMnOpQrStUv          | OTHER   |
            ftp://antrean.pkm.id/t/AbCdEfGhIjKlMnOpQrStUv            | OTHER   |
            ANTREAN:pkm-demo:123:A-012:extra                         | OTHER   |
            antrean:pkm-demo:123:A-012                               | OTHER   |
            ANTREAN:PKM-DEMO:123:A-012                               | OTHER   |
            ANTREAN:pkm-demo:abc:A-012                               | OTHER   |
            ANTREAN:pkm-demo:123:A12                                 | OTHER   |
            ANTREAN:pkm-demo:123                                     | OTHER   |
            see ANTREAN:pkm-demo:123:A-012                           | OTHER   |
            000123456789                                             | OTHER   |
            00012345678901                                           | OTHER   |
            123456789012345                                          | OTHER   |
            12345678901234567                                        | OTHER   |
            000123456789012345678                                    | OTHER   |
            Tel +62 812 3456 7890                                    | OTHER   |
            https://bpjs-kesehatan.go.id/                            | OTHER   |
            WIFI:S:puskesmas;T:WPA;P:rahasia;;                       | OTHER   |
            7371010005580001                                         | OTHER   |
            7371013205580001                                         | OTHER   |
            7371014005580001                                         | OTHER   |
            7371017205580001                                         | OTHER   |
            7371011200580001                                         | OTHER   |
            7371011213580001                                         | OTHER   |
            7371011205580000                                         | OTHER   |
            1071011205580001                                         | OTHER   |
            0071011205580001                                         | OTHER   |
            7300011205580001                                         | OTHER   |
            7371001205580001                                         | OTHER   |
            7371013002000001                                         | OTHER   |
            7371012902010001                                         | OTHER   |
            7371013104580001                                         | OTHER   |
            1234567890123456                                         | OTHER   |
            NIK: 9999999999999999                                    | OTHER   |
            """)
    void classifiesDecodedText(String text, Kind kind, String value) {
        ScanPayload payload = ScanPayload.classify(text.replace("\\n", "\n"));

        assertThat(payload.kind()).isEqualTo(kind);
        assertThat(payload.value()).isEqualTo(value == null ? "" : value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n", "kode QR"})
    void blankOrWordsOnlyIsOther(String text) {
        assertThat(ScanPayload.classify(text)).isEqualTo(ScanPayload.other());
    }

    @Test
    void cardNumberWinsOverNikWhicheverComesFirst() {
        assertThat(ScanPayload.classify("7371011205580001 / 0001234567890").kind()).isEqualTo(Kind.CARD);
        assertThat(ScanPayload.classify("0001234567890 / 7371011205580001").kind()).isEqualTo(Kind.CARD);
    }

    @Test
    void firstOfTwoCardNumbersIsTaken() {
        assertThat(ScanPayload.classify("0001111111111, 0002222222222").value()).isEqualTo("0001111111111");
    }

    @Test
    void invalidSixteenDigitRunDoesNotHideAValidNikLaterOn() {
        assertThat(ScanPayload.classify("ref 1234567890123456 nik 7371011205580001"))
                .isEqualTo(new ScanPayload(Kind.NIK, "7371011205580001"));
    }

    @Test
    void toStringNeverShowsTheWholeNumber() {
        assertThat(ScanPayload.classify("0001234567890").toString())
                .doesNotContain("0001234567890").contains("7890");
        assertThat(ScanPayload.classify("7371011205580001").toString())
                .doesNotContain("7371011205580001").contains("0001");
        assertThat(ScanPayload.classify("ANTREAN:pkm-demo:123:A-012").toString())
                .contains("ANTREAN:pkm-demo:123:A-012");
    }
}
