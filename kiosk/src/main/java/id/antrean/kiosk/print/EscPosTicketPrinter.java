package id.antrean.kiosk.print;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints tickets as raw ESC/POS raster images. The PDF is rendered before the printer is contacted, so a broken
 * ticket never occupies the printer. Over TCP the paper sensor is asked first, and nothing else is sent until it
 * has answered or the short wait is over: a status request mixed into raster data could be printed as dots.
 *
 * <p>One job at a time: many network printers accept a single connection and queue or refuse the rest.
 */
final class EscPosTicketPrinter implements TicketPrinter {
    private static final Logger LOG = LoggerFactory.getLogger(EscPosTicketPrinter.class);

    private final EscPosTransport transport;
    private final PaperWidth paperWidth;
    private final ReentrantLock printerInUse = new ReentrantLock();
    private volatile PrinterStatus lastKnown = PrinterStatus.of(PrinterStatus.State.UNKNOWN, "not used yet");

    EscPosTicketPrinter(EscPosTransport transport, PaperWidth paperWidth) {
        this.transport = transport;
        this.paperWidth = paperWidth;
    }

    @Override
    public PrintResult print(byte[] pdf, String fileNameHint) {
        byte[] job;
        try {
            job = EscPosRaster.fromPdf(pdf, paperWidth.printableDots());
        } catch (IOException | RuntimeException e) {
            PrintResult failed = PrintResult.failed(PrinterProblem.Kind.FAILED, "ticket " + fileNameHint
                    + " cannot be rendered for " + paperWidth + " paper: " + e.getMessage());
            LOG.warn("{}: {}", describe(), failed);
            return failed;
        }
        printerInUse.lock();
        try {
            PrintResult result = sendJob(job);
            if (result.isPrinted()) {
                LOG.info("{}: printed ticket {} ({} bytes)", describe(), fileNameHint, job.length);
            } else {
                LOG.warn("{}: ticket {} not printed: {}", describe(), fileNameHint, result);
            }
            return result;
        } finally {
            printerInUse.unlock();
        }
    }

    private PrintResult sendJob(byte[] job) {
        try (EscPosLink link = transport.open()) {
            PaperReport paper = PaperReport.of(link.askPaperStatus());
            if (paper == PaperReport.OUT) {
                return remember(PrintResult.failed(PrinterProblem.Kind.OUT_OF_PAPER,
                        describe() + " reports that its paper roll is empty"));
            }
            link.send(job);
            lastKnown = paper == PaperReport.NEAR_END
                    ? PrinterStatus.of(PrinterStatus.State.PAPER_LOW, "paper near end; last ticket printed")
                    : statusWhenSilentOr(paper, "last ticket printed");
            return PrintResult.printed();
        } catch (PrinterProblemException e) {
            return remember(PrintResult.failed(e.problem()));
        } catch (RuntimeException e) {
            // Not expected from the transports, but the caller is promised a result, never an exception.
            return remember(PrintResult.failed(PrinterProblem.Kind.FAILED, describe() + ": " + e));
        }
    }

    private PrintResult remember(PrintResult failed) {
        failed.problem().ifPresent(problem -> lastKnown = PrinterStatus.after(problem));
        return failed;
    }

    /**
     * Asks the printer, unless a ticket is printing right now: then the last known status is returned rather than
     * opening a second connection the printer may refuse, or making the status screen wait for the job.
     */
    @Override
    public PrinterStatus status() {
        if (!printerInUse.tryLock()) {
            return lastKnown;
        }
        try (EscPosLink link = transport.open()) {
            PaperReport paper = PaperReport.of(link.askPaperStatus());
            lastKnown = switch (paper) {
                case OUT -> PrinterStatus.of(PrinterStatus.State.OUT_OF_PAPER, "the printer reports paper end");
                case NEAR_END -> PrinterStatus.of(PrinterStatus.State.PAPER_LOW, "the printer reports paper near end");
                default -> statusWhenSilentOr(paper, "reachable");
            };
            return lastKnown;
        } catch (PrinterProblemException e) {
            lastKnown = PrinterStatus.after(e.problem());
            return lastKnown;
        } finally {
            printerInUse.unlock();
        }
    }

    private static PrinterStatus statusWhenSilentOr(PaperReport paper, String what) {
        return switch (paper) {
            case PRESENT -> PrinterStatus.of(PrinterStatus.State.READY, what + "; paper present");
            case SILENT -> PrinterStatus.of(PrinterStatus.State.UNKNOWN, what + "; the printer does not report paper status");
            default -> PrinterStatus.of(PrinterStatus.State.UNKNOWN, what + "; the paper status answer was not understood");
        };
    }

    @Override
    public String describe() {
        return "ESC/POS " + transport.describe() + " (" + paperWidth + ")";
    }
}
