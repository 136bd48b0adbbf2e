/**
 * Printing queue tickets at the kiosk. The server renders each ticket as a PDF for a 58 mm or 80 mm thermal roll;
 * this package puts it on paper without a dialog, on roll paper of the ticket's size, never on an A4 page.
 *
 * <p>{@link id.antrean.kiosk.print.PrinterConfig#fromEnvironment} reads {@code PRINTER} and {@code PRINTER_WIDTH};
 * {@link id.antrean.kiosk.print.Printers#create} makes the {@link id.antrean.kiosk.print.TicketPrinter}:
 * <ul>
 *   <li>an OS printer by name, through PDFBox and {@code java.awt.print.PrinterJob} (CUPS, Windows spooler);</li>
 *   <li>raw ESC/POS over TCP port 9100 or a device file: the PDF rasterised by
 *       {@link id.antrean.kiosk.print.EscPosRaster} for the printer head (384 or 576 dots at 203 dpi);</li>
 *   <li>a folder that receives the PDFs unchanged (tests, demos).</li>
 * </ul>
 * Everything here blocks on I/O: call it from a worker thread (e.g. {@code vertx.executeBlocking}), never from an
 * event loop. Printer trouble comes back as a {@link id.antrean.kiosk.print.PrintResult} whose
 * {@link id.antrean.kiosk.print.PrinterProblem} has a message for the patient in Bahasa Indonesia and English.
 */
package id.antrean.kiosk.print;
