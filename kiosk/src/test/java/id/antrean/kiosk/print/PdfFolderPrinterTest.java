package id.antrean.kiosk.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PdfFolderPrinterTest {

    @TempDir
    Path temp;

    @Test
    void theTicketLandsInTheFolderByteForByteUnderItsTicketName() throws IOException {
        byte[] pdf = TicketPdfs.ticket80mm();
        TicketPrinter printer = Printers.create(PrinterConfig.parse("pdf:" + temp));

        PrintResult result = printer.print(pdf, "123-A-012");

        assertThat(result.isPrinted()).as(result.toString()).isTrue();
        assertThat(Files.readAllBytes(temp.resolve("ticket-123-A-012.pdf"))).isEqualTo(pdf);
        assertThat(filesIn(temp)).containsExactly("ticket-123-A-012.pdf");
    }

    @Test
    void aMissingFolderIsCreated() throws IOException {
        Path folder = temp.resolve("kiosk").resolve("tickets");
        TicketPrinter printer = Printers.create(PrinterConfig.parse("pdf:" + folder));

        PrintResult result = printer.print(TicketPdfs.ticket58mm(), "ticket-7-B-001.pdf");

        assertThat(result.isPrinted()).isTrue();
        assertThat(folder.resolve("ticket-7-B-001.pdf")).exists();
    }

    @Test
    void aReprintReplacesTheEarlierFile() throws IOException {
        TicketPrinter printer = Printers.create(PrinterConfig.parse("pdf:" + temp));
        printer.print(TicketPdfs.ticket58mm(), "123-A-012");
        byte[] second = TicketPdfs.ticket80mm();

        printer.print(second, "123-A-012");

        assertThat(Files.readAllBytes(temp.resolve("ticket-123-A-012.pdf"))).isEqualTo(second);
        assertThat(filesIn(temp)).hasSize(1);
    }

    @Test
    void aHintCannotWriteOutsideTheFolder() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("tickets"));
        TicketPrinter printer = Printers.create(PrinterConfig.parse("pdf:" + folder));

        PrintResult result = printer.print(TicketPdfs.ticket58mm(), "../../etc/passwd");

        assertThat(result.isPrinted()).isTrue();
        assertThat(filesIn(temp)).containsExactly("tickets");
        assertThat(filesIn(folder)).singleElement().asString().startsWith("ticket-").endsWith(".pdf").doesNotContain("..");
    }

    @Test
    void aFolderPathThatIsAFileFailsWithTheReason() throws IOException {
        Path notAFolder = Files.writeString(temp.resolve("tickets"), "x");
        TicketPrinter printer = Printers.create(PrinterConfig.parse("pdf:" + notAFolder));

        PrintResult result = printer.print(TicketPdfs.ticket58mm(), "123-A-012");

        assertThat(result.problem()).get().extracting(PrinterProblem::kind).isEqualTo(PrinterProblem.Kind.FAILED);
        assertThat(printer.status().state()).isEqualTo(PrinterStatus.State.UNREACHABLE);
    }

    @Test
    void aWritableFolderIsReady() {
        TicketPrinter printer = Printers.create(PrinterConfig.parse("pdf:" + temp, PaperWidth.MM_58));

        assertThat(printer.status().state()).isEqualTo(PrinterStatus.State.READY);
        assertThat(printer.describe()).isEqualTo("PDF folder " + temp + " (58 mm)");
    }

    @ParameterizedTest(name = "hint {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "123-A-012              | ticket-123-A-012.pdf",
            "ticket-123-A-012.pdf   | ticket-123-A-012.pdf",
            "123 A/012              | ticket-123_A_012.pdf",
            "../../etc/passwd       | ticket-etc_passwd.pdf",
            "..                     | ticket-unnamed.pdf",
            "''                     | ticket-unnamed.pdf",
            "Nomor Antrean Poli Gigi B-001 | ticket-Nomor_Antrean_Poli_Gigi_B-001.pdf",
    })
    void fileNamesKeepOnlySafeCharacters(String hint, String expected) {
        assertThat(TicketFileNames.forHint(hint)).isEqualTo(expected);
    }

    private static Stream<String> filesInStream(Path folder) throws IOException {
        return Files.list(folder).map(path -> path.getFileName().toString());
    }

    private static java.util.List<String> filesIn(Path folder) throws IOException {
        try (Stream<String> names = filesInStream(folder)) {
            return names.sorted().toList();
        }
    }
}
