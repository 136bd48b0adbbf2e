package id.antrean.kiosk.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.print.PageFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.print.DocFlavor;
import javax.print.StreamPrintService;
import javax.print.StreamPrintServiceFactory;
import javax.print.attribute.PrintRequestAttributeSet;
import javax.print.attribute.standard.Copies;
import javax.print.attribute.standard.JobSheets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class OsPrinterTest {
    private static final String NO_SUCH_PRINTER = "Antrean Test Printer That Does Not Exist";

    @Test
    void aPrinterNameTheOsDoesNotKnowIsPrinterNotFound() {
        TicketPrinter printer = Printers.create(PrinterConfig.parse("os:" + NO_SUCH_PRINTER));

        PrintResult result = printer.print(TicketPdfs.ticket80mm(), "123-A-012");

        PrinterProblem problem = result.problem().orElseThrow();
        assertThat(problem.kind()).isEqualTo(PrinterProblem.Kind.PRINTER_NOT_FOUND);
        assertThat(problem.detail()).contains(NO_SUCH_PRINTER);
        assertThat(problem.patientMessage(PrintMessages.INDONESIAN))
                .isEqualTo("Printer tidak tersedia. Silakan ambil nomor di loket pendaftaran.");
        assertThat(problem.patientMessage(PrintMessages.ENGLISH))
                .isEqualTo("The printer is not available. Please get your number at the registration desk.");
    }

    @Test
    void withNoPrintersAtAllTheDetailSaysSoAndStatusIsNotFound() {
        TicketPrinter printer = new OsTicketPrinter("POS-80", PaperWidth.MM_80, List::of);

        PrintResult result = printer.print(TicketPdfs.ticket80mm(), "123-A-012");

        assertThat(result.problem().orElseThrow().detail()).contains("\"POS-80\"").contains("no printers at all");
        assertThat(printer.status().state()).isEqualTo(PrinterStatus.State.PRINTER_NOT_FOUND);
        assertThat(printer.describe()).isEqualTo("OS printer \"POS-80\" (80 mm)");
    }

    @Test
    void aJobSpooledToAPostScriptServiceAsksForPaperTheSizeOfTheTicketNotA4() {
        // The JDK's PostScript stream service goes through the same PrinterJob code as a CUPS queue, but into a
        // byte array: the job's page size request can be read in the output.
        StreamPrintServiceFactory[] factories = StreamPrintServiceFactory.lookupStreamPrintServiceFactories(
                DocFlavor.SERVICE_FORMATTED.PAGEABLE, DocFlavor.BYTE_ARRAY.POSTSCRIPT.getMimeType());
        assumeThat(factories).as("PostScript stream printing in this JDK").isNotEmpty();
        ByteArrayOutputStream spooled = new ByteArrayOutputStream();
        StreamPrintService service = factories[0].getPrintService(spooled);
        TicketPrinter printer = new OsTicketPrinter(service.getName(), PaperWidth.MM_58, () -> List.of(service));

        PrintResult result = printer.print(TicketPdfs.ticket58mm(), "123-A-012");

        assertThat(result.isPrinted()).as(result.toString()).isTrue();
        String postScript = spooled.toString(StandardCharsets.ISO_8859_1);
        assertThat(postScript).contains("/PageSize [164.0 330.0]").doesNotContain("/PageSize [595");
        assertThat(postScript).containsOnlyOnce("%%Page:");
    }

    @Test
    void an80mmTicketPageGetsPaperOfExactlyItsOwnSizeWithoutMargins() throws IOException {
        try (PDDocument document = Loader.loadPDF(TicketPdfs.ticket80mm())) {
            PageFormat format = new OsTicketPrinter.TicketPageable(document).getPageFormat(0);

            assertPaperIs(format, 226, 360);
        }
    }

    @Test
    void a58mmTicketPageGetsPaperOfExactlyItsOwnSizeWithoutMargins() throws IOException {
        try (PDDocument document = Loader.loadPDF(TicketPdfs.ticket58mm())) {
            PageFormat format = PdfPageFormats.pageFormatFor(document.getPage(0));

            assertPaperIs(format, 164, 330);
        }
    }

    @Test
    void aRotatedPageGetsPaperAsTheRotatedPageIsSeen() throws IOException {
        try (PDDocument document = Loader.loadPDF(TicketPdfs.rotatedPage(360, 226))) {
            PageFormat format = PdfPageFormats.pageFormatFor(document.getPage(0));

            assertPaperIs(format, 226, 360);
        }
    }

    @Test
    void theJobAsksForOneCopyAndNoBannerPage() {
        PrintRequestAttributeSet attributes = OsTicketPrinter.jobAttributes("Antrean ticket 123-A-012");

        assertThat(attributes.get(Copies.class)).isEqualTo(new Copies(1));
        assertThat(attributes.get(JobSheets.class)).isEqualTo(JobSheets.NONE);
    }

    private static void assertPaperIs(PageFormat format, double widthPt, double heightPt) {
        double a4Width = 595.27;
        assertThat(format.getOrientation()).isEqualTo(PageFormat.PORTRAIT);
        assertThat(format.getWidth()).isCloseTo(widthPt, within(0.01)).isNotCloseTo(a4Width, within(1.0));
        assertThat(format.getHeight()).isCloseTo(heightPt, within(0.01));
        assertThat(format.getPaper().getWidth()).isCloseTo(widthPt, within(0.01));
        assertThat(format.getPaper().getHeight()).isCloseTo(heightPt, within(0.01));
        assertThat(format.getImageableX()).isZero();
        assertThat(format.getImageableY()).isZero();
        assertThat(format.getImageableWidth()).isCloseTo(widthPt, within(0.01));
        assertThat(format.getImageableHeight()).isCloseTo(heightPt, within(0.01));
    }
}
