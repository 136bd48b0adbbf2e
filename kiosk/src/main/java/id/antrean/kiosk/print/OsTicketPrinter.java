package id.antrean.kiosk.print;

import java.awt.print.PageFormat;
import java.awt.print.Pageable;
import java.awt.print.Printable;
import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.print.PrintService;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.PrintRequestAttributeSet;
import javax.print.attribute.standard.Copies;
import javax.print.attribute.standard.JobName;
import javax.print.attribute.standard.JobSheets;
import javax.print.attribute.standard.PrinterIsAcceptingJobs;
import javax.print.attribute.standard.PrinterStateReason;
import javax.print.attribute.standard.PrinterStateReasons;
import javax.print.attribute.standard.Severity;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPrintable;
import org.apache.pdfbox.printing.Scaling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints the ticket PDF through an OS printer (CUPS queue or Windows printer) chosen by name, silently: no dialog,
 * no banner page, paper the size of the PDF page, actual size (never scaled to fit A4). The printer's driver
 * turns it into its own language, so this also works for printers that do not speak ESC/POS.
 */
final class OsTicketPrinter implements TicketPrinter {
    private static final Logger LOG = LoggerFactory.getLogger(OsTicketPrinter.class);
    private static final Set<PrinterStateReason> PAPER_OUT =
            Set.of(PrinterStateReason.MEDIA_EMPTY, PrinterStateReason.MEDIA_NEEDED);

    private final String printerName;
    private final PaperWidth paperWidth;
    private final PrintServiceFinder finder;

    OsTicketPrinter(String printerName, PaperWidth paperWidth, PrintServiceFinder finder) {
        this.printerName = printerName;
        this.paperWidth = paperWidth;
        this.finder = finder;
    }

    @Override
    public PrintResult print(byte[] pdf, String fileNameHint) {
        PrintResult result;
        try {
            result = printOrExplain(pdf, fileNameHint);
        } catch (RuntimeException e) {
            // The print service lookup and the JDK's spooler glue throw unchecked exceptions of their own.
            result = PrintResult.failed(PrinterProblem.Kind.FAILED, "printing on \"" + printerName + "\" failed: " + e);
        }
        if (result.isPrinted()) {
            LOG.info("{}: sent ticket {} to the spooler", describe(), fileNameHint);
        } else {
            LOG.warn("{}: ticket {} not printed: {}", describe(), fileNameHint, result);
        }
        return result;
    }

    private PrintResult printOrExplain(byte[] pdf, String fileNameHint) {
        PrintService service;
        try {
            service = findService();
        } catch (PrinterProblemException e) {
            return PrintResult.failed(e.problem());
        }
        Optional<PrinterProblem> reported = problemReportedBy(service);
        if (reported.isPresent()) {
            return PrintResult.failed(reported.get());
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.getNumberOfPages() == 0) {
                return PrintResult.failed(PrinterProblem.Kind.FAILED, "the ticket PDF has no pages");
            }
            String jobName = "Antrean ticket " + (fileNameHint == null ? "" : fileNameHint);
            PrinterJob job = PrinterJob.getPrinterJob();
            job.setPrintService(service);
            job.setJobName(jobName);
            job.setPageable(new TicketPageable(document));
            job.print(jobAttributes(jobName));
            return PrintResult.printed();
        } catch (IOException e) {
            return PrintResult.failed(PrinterProblem.Kind.FAILED, "the ticket PDF cannot be read: " + e.getMessage());
        } catch (PrinterException e) {
            return PrintResult.failed(PrinterProblem.Kind.FAILED, "printing on \"" + printerName + "\" failed: " + e);
        }
    }

    /** Exactly what the kiosk prints: one copy, and no banner page (CUPS adds one unless told not to). */
    static PrintRequestAttributeSet jobAttributes(String jobName) {
        PrintRequestAttributeSet attributes = new HashPrintRequestAttributeSet();
        attributes.add(new Copies(1));
        attributes.add(JobSheets.NONE);
        attributes.add(new JobName(jobName, Locale.ROOT));
        return attributes;
    }

    @Override
    public PrinterStatus status() {
        PrintService service;
        try {
            service = findService();
        } catch (PrinterProblemException e) {
            return PrinterStatus.after(e.problem());
        } catch (RuntimeException e) {
            return PrinterStatus.of(PrinterStatus.State.UNKNOWN, "cannot list the OS printers: " + e);
        }
        Optional<PrinterProblem> reported = problemReportedBy(service);
        if (reported.isPresent()) {
            return PrinterStatus.after(reported.get());
        }
        PrinterStateReasons reasons = service.getAttribute(PrinterStateReasons.class);
        if (reasons != null && reasons.containsKey(PrinterStateReason.MEDIA_LOW)) {
            return PrinterStatus.of(PrinterStatus.State.PAPER_LOW, "the spooler reports media-low");
        }
        // Spoolers rarely know the paper level of a thermal printer: present and accepting jobs is all we can say.
        return PrinterStatus.of(PrinterStatus.State.UNKNOWN, "\"" + service.getName() + "\" is accepting jobs");
    }

    @Override
    public String describe() {
        return "OS printer \"" + printerName + "\" (" + paperWidth + ")";
    }

    /** Exact name first; then ignoring case, since Windows printer names are case-insensitive. */
    private PrintService findService() throws PrinterProblemException {
        List<PrintService> services = finder.printServices();
        Optional<PrintService> found = services.stream().filter(s -> s.getName().equals(printerName)).findFirst()
                .or(() -> services.stream().filter(s -> s.getName().equalsIgnoreCase(printerName)).findFirst());
        if (found.isEmpty()) {
            String known = services.isEmpty() ? "the OS reports no printers at all"
                    : "known printers: " + services.stream().map(s -> "\"" + s.getName() + "\"")
                            .collect(Collectors.joining(", "));
            throw new PrinterProblemException(PrinterProblem.Kind.PRINTER_NOT_FOUND,
                    "no OS printer named \"" + printerName + "\"; " + known);
        }
        return found.get();
    }

    /** What the spooler itself says is wrong; only explicit reports count, silence is not a problem. */
    private static Optional<PrinterProblem> problemReportedBy(PrintService service) {
        if (service.getAttribute(PrinterIsAcceptingJobs.class) == PrinterIsAcceptingJobs.NOT_ACCEPTING_JOBS) {
            return Optional.of(new PrinterProblem(PrinterProblem.Kind.UNREACHABLE,
                    "\"" + service.getName() + "\" is not accepting jobs (paused or disabled in the spooler)"));
        }
        PrinterStateReasons reasons = service.getAttribute(PrinterStateReasons.class);
        if (reasons != null) {
            for (PrinterStateReason reason : PAPER_OUT) {
                if (reasons.get(reason) == Severity.ERROR) {
                    return Optional.of(new PrinterProblem(PrinterProblem.Kind.OUT_OF_PAPER,
                            "the spooler reports " + reason + " on \"" + service.getName() + "\""));
                }
            }
        }
        return Optional.empty();
    }

    /** One PDF page per printed page, each on paper of its own size, printed at actual size. */
    static final class TicketPageable implements Pageable {
        private final PDDocument document;
        private final Printable printable;

        TicketPageable(PDDocument document) {
            this.document = document;
            // Actual size, no border, vector output, not centred: the paper is exactly the page. The driver
            // rasterises for the printer head itself, at the resolution it knows.
            this.printable = new PDFPrintable(document, Scaling.ACTUAL_SIZE, false, PDFPrintable.RASTERIZE_OFF, false);
        }

        @Override
        public int getNumberOfPages() {
            return document.getNumberOfPages();
        }

        @Override
        public PageFormat getPageFormat(int pageIndex) {
            return PdfPageFormats.pageFormatFor(document.getPage(pageIndex));
        }

        @Override
        public Printable getPrintable(int pageIndex) {
            return printable;
        }
    }
}
