package id.antrean.kiosk.print;

import java.util.OptionalInt;

/** One open connection to an ESC/POS printer, for one job. */
interface EscPosLink extends AutoCloseable {

    /**
     * Sends {@code DLE EOT 4} and waits briefly for the one-byte answer. Empty when the printer stays silent or
     * the link cannot read answers at all; that is normal and means "carry on".
     */
    OptionalInt askPaperStatus() throws PrinterProblemException;

    /** Writes the whole job. */
    void send(byte[] job) throws PrinterProblemException;

    /** Releases the connection; never fails, since the job has already been sent or given up. */
    @Override
    void close();
}
