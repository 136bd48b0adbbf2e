package id.antrean.kiosk.print;

/** How ESC/POS bytes reach the printer: a TCP socket or a device file. */
interface EscPosTransport {

    /** Opens a connection for one job; the problem says why the printer cannot be reached. */
    EscPosLink open() throws PrinterProblemException;

    /** For logs, e.g. {@code tcp://10.0.0.5:9100} or {@code file /dev/usb/lp0}. */
    String describe();
}
