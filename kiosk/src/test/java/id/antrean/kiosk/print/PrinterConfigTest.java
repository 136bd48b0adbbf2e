package id.antrean.kiosk.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PrinterConfigTest {

    static Stream<Arguments> validPrinters() {
        PaperWidth w = PaperWidth.MM_80;
        return Stream.of(
                Arguments.of("pdf:/var/lib/antrean/tickets", new PrinterConfig.PdfFolder(Path.of("/var/lib/antrean/tickets"), w)),
                Arguments.of("pdf:tickets", new PrinterConfig.PdfFolder(Path.of("tickets"), w)),
                Arguments.of("os:EPSON TM-T82 Receipt", new PrinterConfig.OsPrinter("EPSON TM-T82 Receipt", w)),
                Arguments.of("cups:POS58", new PrinterConfig.OsPrinter("POS58", w)),
                Arguments.of("os:Printer: Lobby", new PrinterConfig.OsPrinter("Printer: Lobby", w)),
                Arguments.of("escpos:tcp://10.0.0.5:9100", new PrinterConfig.EscPosTcp("10.0.0.5", 9100, w)),
                Arguments.of("escpos:tcp://printer-lobby.local:9101", new PrinterConfig.EscPosTcp("printer-lobby.local", 9101, w)),
                Arguments.of("escpos:tcp://10.0.0.5", new PrinterConfig.EscPosTcp("10.0.0.5", 9100, w)),
                Arguments.of("escpos:tcp://10.0.0.5:9100/", new PrinterConfig.EscPosTcp("10.0.0.5", 9100, w)),
                Arguments.of("escpos:tcp://[fe80::1]:9100", new PrinterConfig.EscPosTcp("[fe80::1]", 9100, w)),
                Arguments.of("escpos:file:/dev/usb/lp0", new PrinterConfig.EscPosFile(Path.of("/dev/usb/lp0"), w)),
                Arguments.of("escpos:file:///dev/usb/lp0", new PrinterConfig.EscPosFile(Path.of("/dev/usb/lp0"), w)),
                Arguments.of("  ESCPOS:TCP://10.0.0.5:9100  ", new PrinterConfig.EscPosTcp("10.0.0.5", 9100, w)),
                Arguments.of("PDF:/tmp/t", new PrinterConfig.PdfFolder(Path.of("/tmp/t"), w)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validPrinters")
    void validPrinterValuesParseToTheirConfig(String value, PrinterConfig expected) {
        assertThat(PrinterConfig.parse(value)).isEqualTo(expected);
    }

    static Stream<Arguments> invalidPrinters() {
        return Stream.of(
                Arguments.of("   ", "is not set"),
                Arguments.of("/dev/usb/lp0", "does not start with a kind"),
                Arguments.of(":9100", "does not start with a kind"),
                Arguments.of("lpt:1", "unknown kind \"lpt\""),
                Arguments.of("tcp://10.0.0.5:9100", "unknown kind \"tcp\""),
                Arguments.of("pdf:", "path of a folder is missing"),
                Arguments.of("pdf:   ", "path of a folder is missing"),
                Arguments.of("os:", "printer name is missing"),
                Arguments.of("cups:  ", "printer name is missing"),
                Arguments.of("escpos:", "must be followed by tcp://host:port or file:"),
                Arguments.of("escpos:usb:0416:5011", "must be followed by tcp://host:port or file:"),
                Arguments.of("escpos:10.0.0.5:9100", "must be followed by tcp://host:port or file:"),
                Arguments.of("escpos:tcp:10.0.0.5:9100", "expected tcp://host:port"),
                Arguments.of("escpos:tcp://:9100", "expected tcp://host:port"),
                Arguments.of("escpos:tcp://10.0.0.5:abc", "expected tcp://host:port"),
                Arguments.of("escpos:tcp://10.0.0.5:99999", "port 99999 is not between 1 and 65535"),
                Arguments.of("escpos:tcp://10.0.0.5:0", "port 0 is not between 1 and 65535"),
                Arguments.of("escpos:tcp://10.0.0.5:9100/print", "without a path"),
                Arguments.of("escpos:tcp://admin@10.0.0.5:9100", "without a path, query or user"),
                Arguments.of("escpos:tcp://10.0.0.5 :9100", "not a valid tcp://host:port"),
                Arguments.of("escpos:file:", "path of a device file is missing"),
                Arguments.of("pdf:/tmp/a\u0000b", "not a valid path"));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @MethodSource("invalidPrinters")
    void invalidPrinterValuesAreRejectedSayingWhatIsWrongAndWhatIsAccepted(String value, String reason) {
        assertThatThrownBy(() -> PrinterConfig.parse(value))
                .isInstanceOf(InvalidPrinterConfigException.class)
                .hasMessageStartingWith("PRINTER")
                .hasMessageContaining(reason)
                .hasMessageContaining("escpos:tcp://host:9100");
    }

    @Test
    void aMissingPrinterValueIsRejected() {
        assertThatThrownBy(() -> PrinterConfig.parse(null))
                .isInstanceOf(InvalidPrinterConfigException.class)
                .hasMessageContaining("is not set");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"58", " 58 ", "58mm", "58 mm", "58MM"})
    void fiftyEightMillimetreWidthsAreUnderstood(String value) {
        assertThat(PrinterConfig.parseWidth(value)).isEqualTo(PaperWidth.MM_58);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"80", "  ", "80mm"})
    void theWidthIs80MillimetresUnlessSaidOtherwise(String value) {
        assertThat(PrinterConfig.parseWidth(value)).isEqualTo(PaperWidth.MM_80);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"57", "A4", "-58", "5 8", "58.0", "76mm", "eighty"})
    void otherWidthsAreRejectedNamingTheVariable(String value) {
        assertThatThrownBy(() -> PrinterConfig.parseWidth(value))
                .isInstanceOf(InvalidPrinterConfigException.class)
                .hasMessageStartingWith("PRINTER_WIDTH \"" + value + "\"")
                .hasMessageContaining("58 or 80");
    }

    @Test
    void theEnvironmentGivesBothThePrinterAndItsPaperWidth() {
        Map<String, String> environment = Map.of("PRINTER", "escpos:tcp://10.0.0.5:9100", "PRINTER_WIDTH", "58");

        assertThat(PrinterConfig.fromEnvironment(environment))
                .isEqualTo(new PrinterConfig.EscPosTcp("10.0.0.5", 9100, PaperWidth.MM_58));
    }

    @Test
    void anEnvironmentWithoutAWidthMeans80Millimetres() {
        Map<String, String> environment = new HashMap<>();
        environment.put("PRINTER", "escpos:file:/dev/usb/lp0");

        assertThat(PrinterConfig.fromEnvironment(environment).paperWidth()).isEqualTo(PaperWidth.MM_80);
    }

    @Test
    void paperWidthsKnowTheirDotsAt203Dpi() {
        assertThat(PaperWidth.MM_58.printableDots()).isEqualTo(384);
        assertThat(PaperWidth.MM_80.printableDots()).isEqualTo(576);
        assertThat(PaperWidth.MM_58.millimetres()).isEqualTo(58);
    }
}
