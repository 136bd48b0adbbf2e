package id.antrean.kiosk.print;

import java.util.OptionalInt;

/** What a printer's answer to {@code DLE EOT 4} (paper roll sensor status) says. */
enum PaperReport {
    PRESENT,
    /** Bits 2 and 3: the near-end sensor sees the roll thinning; tickets still print. */
    NEAR_END,
    /** Bits 5 and 6: paper end. */
    OUT,
    /** No answer: many cheap printers do not implement real-time status. */
    SILENT,
    /** A byte that is not a paper status (wrong fixed bits): ignore it rather than refuse to print. */
    UNRECOGNISED;

    private static final int FIXED_BITS_MASK = 0x93;
    /** Bits 1 and 4 are always 1, bits 0 and 7 always 0, in every DLE EOT answer. */
    private static final int FIXED_BITS_VALUE = 0x12;
    private static final int PAPER_END_BITS = 0x60;
    private static final int NEAR_END_BITS = 0x0C;

    static PaperReport of(OptionalInt reply) {
        if (reply.isEmpty()) {
            return SILENT;
        }
        int status = reply.getAsInt() & 0xFF;
        if ((status & FIXED_BITS_MASK) != FIXED_BITS_VALUE) {
            return UNRECOGNISED;
        }
        if ((status & PAPER_END_BITS) != 0) {
            return OUT;
        }
        if ((status & NEAR_END_BITS) != 0) {
            return NEAR_END;
        }
        return PRESENT;
    }
}
