package id.antrean.kiosk.print;

/** A {@code PRINTER} or {@code PRINTER_WIDTH} value the kiosk cannot use; the message says what is accepted. */
public final class InvalidPrinterConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidPrinterConfigException(String message) {
        super(message);
    }
}
