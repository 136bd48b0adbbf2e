package id.antrean.kiosk.print;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/** The parsing behind {@link PrinterConfig#parse}; every error names the variable, the value and the accepted forms. */
final class PrinterConfigParser {
    static final String ACCEPTED_FORMS =
            "pdf:/path/to/folder, os:Printer Name (or cups:Printer Name), escpos:tcp://host:9100, escpos:file:/dev/usb/lp0";

    private PrinterConfigParser() {
    }

    static PrinterConfig parse(String raw, PaperWidth width) {
        Objects.requireNonNull(width, "paperWidth");
        if (raw == null || raw.isBlank()) {
            throw invalid(raw, "it is not set");
        }
        String value = raw.strip();
        int colon = value.indexOf(':');
        if (colon <= 0) {
            throw invalid(value, "it does not start with a kind such as pdf:, os: or escpos:");
        }
        String kind = value.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = value.substring(colon + 1);
        return switch (kind) {
            case "pdf" -> new PrinterConfig.PdfFolder(path(value, rest, "a folder"), width);
            case "os", "cups" -> new PrinterConfig.OsPrinter(printerName(value, rest), width);
            case "escpos" -> escPos(value, rest, width);
            default -> throw invalid(value, "unknown kind \"" + kind + "\"");
        };
    }

    static PaperWidth parseWidth(String raw) {
        if (raw == null || raw.isBlank()) {
            return PaperWidth.DEFAULT;
        }
        return PaperWidth.fromText(raw).orElseThrow(() -> new InvalidPrinterConfigException(
                PrinterConfig.WIDTH_VARIABLE + " \"" + raw + "\" is not a paper width: expected 58 or 80 (millimetres)"));
    }

    private static PrinterConfig escPos(String value, String rest, PaperWidth width) {
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("tcp:")) {
            return tcp(value, rest, width);
        }
        if (lower.startsWith("file:")) {
            String device = rest.substring("file:".length());
            // Accept the URL spelling escpos:file:///dev/usb/lp0 as well as escpos:file:/dev/usb/lp0.
            if (device.startsWith("///")) {
                device = device.substring(2);
            }
            return new PrinterConfig.EscPosFile(path(value, device, "a device file"), width);
        }
        throw invalid(value, "escpos: must be followed by tcp://host:port or file:/path/to/device");
    }

    private static PrinterConfig tcp(String value, String rest, PaperWidth width) {
        URI uri;
        try {
            uri = new URI(rest);
        } catch (URISyntaxException e) {
            throw invalid(value, "the address is not a valid tcp://host:port (" + e.getReason() + ")");
        }
        // A non-numeric port or a bad host name makes URI fall back to a "registry" authority without a host.
        if (!"tcp".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw invalid(value, "expected tcp://host:port, e.g. tcp://192.168.1.50:9100");
        }
        if (uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null
                || !(uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))) {
            throw invalid(value, "only tcp://host:port is allowed, without a path, query or user");
        }
        int port = uri.getPort() == -1 ? PrinterConfig.DEFAULT_ESC_POS_PORT : uri.getPort();
        if (port < 1 || port > 65535) {
            throw invalid(value, "port " + port + " is not between 1 and 65535");
        }
        return new PrinterConfig.EscPosTcp(uri.getHost(), port, width);
    }

    private static String printerName(String value, String rest) {
        String name = rest.strip();
        if (name.isEmpty()) {
            throw invalid(value, "the printer name is missing, e.g. os:EPSON TM-T82");
        }
        return name;
    }

    private static Path path(String value, String text, String what) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw invalid(value, "the path of " + what + " is missing");
        }
        try {
            return Path.of(trimmed);
        } catch (InvalidPathException e) {
            throw invalid(value, "\"" + trimmed + "\" is not a valid path (" + e.getReason() + ")");
        }
    }

    private static InvalidPrinterConfigException invalid(String value, String why) {
        String shown = value == null ? "" : " \"" + value + "\"";
        return new InvalidPrinterConfigException(PrinterConfig.PRINTER_VARIABLE + shown + " is not usable: " + why
                + ". Accepted: " + ACCEPTED_FORMS);
    }
}
