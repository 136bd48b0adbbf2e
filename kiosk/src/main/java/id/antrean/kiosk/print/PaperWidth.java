package id.antrean.kiosk.print;

import java.util.Locale;
import java.util.Optional;

/** The two thermal roll widths the server renders tickets for. */
public enum PaperWidth {
    /** 58 mm roll: 48 mm printable, 384 dots at 203 dpi. */
    MM_58(58, 384),
    /** 80 mm roll: 72 mm printable, 576 dots at 203 dpi. */
    MM_80(80, 576);

    /** Most kiosks have 80 mm printers; 58 mm is the cheap alternative. */
    public static final PaperWidth DEFAULT = MM_80;

    private final int millimetres;
    private final int printableDots;

    PaperWidth(int millimetres, int printableDots) {
        this.millimetres = millimetres;
        this.printableDots = printableDots;
    }

    /** The roll width, also the value of the server's {@code ?width=} parameter. */
    public int millimetres() {
        return millimetres;
    }

    /** Dots across one line of a 203 dpi ESC/POS printer head for this roll. */
    public int printableDots() {
        return printableDots;
    }

    /** Accepts {@code 58}, {@code 80}, {@code 58mm} and {@code 58 mm}. */
    public static Optional<PaperWidth> fromText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.strip().toLowerCase(Locale.ROOT);
        if (digits.endsWith("mm")) {
            digits = digits.substring(0, digits.length() - 2).strip();
        }
        for (PaperWidth width : values()) {
            if (digits.equals(Integer.toString(width.millimetres))) {
                return Optional.of(width);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return millimetres + " mm";
    }
}
