package id.antrean.kiosk.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EscPosDeviceFilePrintingTest {

    @TempDir
    Path temp;

    @Test
    void theDeviceFileReceivesExactlyTheEscPosJobAndNoStatusRequest() throws Exception {
        Path device = Files.createFile(temp.resolve("lp0"));
        byte[] pdf = TicketPdfs.ticket58mm();
        TicketPrinter printer = Printers.create(PrinterConfig.parse("escpos:file:" + device, PaperWidth.MM_58));

        PrintResult result = printer.print(pdf, "123-A-012");

        assertThat(result.isPrinted()).as(result.toString()).isTrue();
        byte[] written = Files.readAllBytes(device);
        assertThat(written).isEqualTo(EscPosRaster.fromPdf(pdf, 384));
        List<EscPosStream.Command> job = EscPosStream.parse(written);
        assertThat(job.getLast()).isEqualTo(new EscPosStream.Cut(66, 0));
        assertThat(QrCodes.decode(EscPosStream.printedImage(job))).isEqualTo(TicketPdfs.QR_PAYLOAD);
    }

    @Test
    void twoTicketsFollowEachOtherInTheStreamLikeOnAPrinter() throws Exception {
        Path device = Files.createFile(temp.resolve("lp0"));
        byte[] pdf = TicketPdfs.ticket80mm();
        TicketPrinter printer = Printers.create(PrinterConfig.parse("escpos:file:" + device, PaperWidth.MM_80));

        printer.print(pdf, "123-A-012");
        printer.print(pdf, "124-A-013");

        byte[] one = EscPosRaster.fromPdf(pdf, 576);
        assertThat(Files.size(device)).isEqualTo(2L * one.length);
    }

    @Test
    void aMissingDeviceIsPrinterNotFoundAndNoFileIsCreatedInItsPlace() {
        Path device = temp.resolve("usb").resolve("lp0");
        TicketPrinter printer = Printers.create(PrinterConfig.parse("escpos:file:" + device, PaperWidth.MM_58));

        PrintResult result = printer.print(TicketPdfs.ticket58mm(), "123-A-012");

        assertThat(result.problem()).get().extracting(PrinterProblem::kind).isEqualTo(PrinterProblem.Kind.PRINTER_NOT_FOUND);
        assertThat(result.problem().orElseThrow().detail()).contains(device.toString());
        assertThat(device).doesNotExist();
        assertThat(printer.status().state()).isEqualTo(PrinterStatus.State.PRINTER_NOT_FOUND);
    }

    @Test
    void aPathThatCannotBeWrittenFailsWithTheReason() {
        TicketPrinter printer = Printers.create(PrinterConfig.parse("escpos:file:" + temp, PaperWidth.MM_58));

        PrintResult result = printer.print(TicketPdfs.ticket58mm(), "123-A-012");

        assertThat(result.problem()).get().extracting(PrinterProblem::kind).isEqualTo(PrinterProblem.Kind.FAILED);
        assertThat(result.problem().orElseThrow().detail()).contains(temp.toString());
    }

    @Test
    void aPresentDeviceHasUnknownStatusBecauseItCannotBeAsked() throws Exception {
        Path device = Files.createFile(temp.resolve("lp0"));
        TicketPrinter printer = new EscPosTicketPrinter(
                new DeviceFileEscPosTransport(device, Duration.ofSeconds(5)), PaperWidth.MM_80);

        assertThat(printer.status().state()).isEqualTo(PrinterStatus.State.UNKNOWN);
        assertThat(Files.size(device)).as("status must not write to the printer").isZero();
        assertThat(printer.describe()).isEqualTo("ESC/POS file " + device + " (80 mm)");
    }
}
