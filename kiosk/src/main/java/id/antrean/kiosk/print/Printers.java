package id.antrean.kiosk.print;

import java.util.Objects;

/** Makes the {@link TicketPrinter} a {@link PrinterConfig} describes. */
public final class Printers {

    private Printers() {
    }

    public static TicketPrinter create(PrinterConfig config) {
        Objects.requireNonNull(config, "config");
        return switch (config) {
            case PrinterConfig.PdfFolder folder -> new PdfFolderPrinter(folder.directory(), folder.paperWidth());
            case PrinterConfig.OsPrinter os ->
                    new OsTicketPrinter(os.printerName(), os.paperWidth(), PrintServiceFinder.system());
            case PrinterConfig.EscPosTcp tcp -> new EscPosTicketPrinter(
                    new TcpEscPosTransport(tcp.host(), tcp.port(), EscPosTimeouts.DEFAULT), tcp.paperWidth());
            case PrinterConfig.EscPosFile file -> new EscPosTicketPrinter(
                    new DeviceFileEscPosTransport(file.device(), EscPosTimeouts.DEFAULT.send()), file.paperWidth());
        };
    }
}
