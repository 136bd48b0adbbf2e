package id.antrean.kiosk.print;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Which printer the kiosk prints on, from the {@code PRINTER} and {@code PRINTER_WIDTH} environment variables:
 * <ul>
 *   <li>{@code pdf:/path/dir}: write each ticket PDF into a folder (tests, demos);</li>
 *   <li>{@code os:Printer Name} or {@code cups:Printer Name}: an OS printer (CUPS, Windows spooler) by name;</li>
 *   <li>{@code escpos:tcp://host:9100}: a network ESC/POS printer (port 9100 when left out);</li>
 *   <li>{@code escpos:file:/dev/usb/lp0}: an ESC/POS printer behind a USB or parallel device file.</li>
 * </ul>
 * {@code PRINTER_WIDTH} is {@code 58} or {@code 80} (default 80).
 */
public sealed interface PrinterConfig
        permits PrinterConfig.PdfFolder, PrinterConfig.OsPrinter, PrinterConfig.EscPosTcp, PrinterConfig.EscPosFile {

    String PRINTER_VARIABLE = "PRINTER";
    String WIDTH_VARIABLE = "PRINTER_WIDTH";
    int DEFAULT_ESC_POS_PORT = 9100;

    /** The roll the printer holds; also what the kiosk asks the server for ({@code ?width=}). */
    PaperWidth paperWidth();

    /** Parses a {@code PRINTER} value for the default 80 mm roll. */
    static PrinterConfig parse(String printer) {
        return parse(printer, PaperWidth.DEFAULT);
    }

    /** Parses a {@code PRINTER} value; throws {@link InvalidPrinterConfigException} saying what is wrong. */
    static PrinterConfig parse(String printer, PaperWidth paperWidth) {
        return PrinterConfigParser.parse(printer, paperWidth);
    }

    /** Parses a {@code PRINTER_WIDTH} value: blank means 80 mm. */
    static PaperWidth parseWidth(String width) {
        return PrinterConfigParser.parseWidth(width);
    }

    /** Reads {@code PRINTER} and {@code PRINTER_WIDTH} from the environment (or a test's map). */
    static PrinterConfig fromEnvironment(Map<String, String> environment) {
        return parse(environment.get(PRINTER_VARIABLE), parseWidth(environment.get(WIDTH_VARIABLE)));
    }

    /** {@code pdf:DIR}: each ticket is written as {@code DIR/ticket-<id>-<label>.pdf}. */
    record PdfFolder(Path directory, PaperWidth paperWidth) implements PrinterConfig {
        public PdfFolder {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(paperWidth, "paperWidth");
        }
    }

    /** {@code os:NAME} / {@code cups:NAME}: the OS print service with this name. */
    record OsPrinter(String printerName, PaperWidth paperWidth) implements PrinterConfig {
        public OsPrinter {
            Objects.requireNonNull(printerName, "printerName");
            Objects.requireNonNull(paperWidth, "paperWidth");
        }
    }

    /** {@code escpos:tcp://HOST:PORT}: raw ESC/POS over a TCP socket (the "9100" or "JetDirect" port). */
    record EscPosTcp(String host, int port, PaperWidth paperWidth) implements PrinterConfig {
        public EscPosTcp {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(paperWidth, "paperWidth");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }

    /** {@code escpos:file:PATH}: raw ESC/POS written to a device file such as {@code /dev/usb/lp0}. */
    record EscPosFile(Path device, PaperWidth paperWidth) implements PrinterConfig {
        public EscPosFile {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(paperWidth, "paperWidth");
        }
    }
}
