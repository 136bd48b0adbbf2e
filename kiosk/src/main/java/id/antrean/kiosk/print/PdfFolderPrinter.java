package id.antrean.kiosk.print;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Prints" by writing each ticket PDF, unchanged, into a folder: for tests, demos and kiosks without a printer.
 * The file appears at once complete (written aside, then moved), so a folder watcher never picks up half a PDF.
 */
final class PdfFolderPrinter implements TicketPrinter {
    private static final Logger LOG = LoggerFactory.getLogger(PdfFolderPrinter.class);

    private final Path directory;
    private final PaperWidth paperWidth;

    PdfFolderPrinter(Path directory, PaperWidth paperWidth) {
        this.directory = directory;
        this.paperWidth = paperWidth;
    }

    @Override
    public PrintResult print(byte[] pdf, String fileNameHint) {
        Path target = directory.resolve(TicketFileNames.forHint(fileNameHint));
        Path partial = null;
        try {
            Files.createDirectories(directory);
            // Not Files.createTempFile: its owner-only permissions would follow the file into place, and the
            // folder is often read by another program or user (a demo viewer, a test).
            partial = directory.resolve(".ticket-" + UUID.randomUUID() + ".part");
            Files.write(partial, pdf, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            moveIntoPlace(partial, target);
            LOG.info("{}: wrote {}", describe(), target);
            return PrintResult.printed();
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial);
            PrintResult failed = PrintResult.failed(PrinterProblem.Kind.FAILED, "cannot write " + target + ": " + e);
            LOG.warn("{}: {}", describe(), failed);
            return failed;
        }
    }

    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Only a leftover temporary file.
        }
    }

    @Override
    public PrinterStatus status() {
        if (Files.isDirectory(directory) && Files.isWritable(directory)) {
            return PrinterStatus.of(PrinterStatus.State.READY, directory + " is a writable folder");
        }
        if (Files.exists(directory)) {
            return PrinterStatus.of(PrinterStatus.State.UNREACHABLE, directory + " is not a writable folder");
        }
        return PrinterStatus.of(PrinterStatus.State.UNKNOWN, directory + " does not exist yet; it is created on the first ticket");
    }

    @Override
    public String describe() {
        return "PDF folder " + directory + " (" + paperWidth + ")";
    }
}
