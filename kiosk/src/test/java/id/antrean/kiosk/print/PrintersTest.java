package id.antrean.kiosk.print;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrintersTest {

    @ParameterizedTest(name = "{0} ({1} mm)")
    @CsvSource(delimiter = '|', value = {
            "escpos:tcp://10.0.0.5:9100   | 58 | ESC/POS tcp://10.0.0.5:9100 (58 mm)",
            "escpos:tcp://printer.local   | 80 | ESC/POS tcp://printer.local:9100 (80 mm)",
            "escpos:file:/dev/usb/lp0     | 58 | ESC/POS file /dev/usb/lp0 (58 mm)",
            "os:EPSON TM-T82              | 80 | OS printer \"EPSON TM-T82\" (80 mm)",
            "cups:POS58                   | 58 | OS printer \"POS58\" (58 mm)",
            "pdf:/tmp/antrean-tickets     | 80 | PDF folder /tmp/antrean-tickets (80 mm)",
    })
    void eachConfigMakesThePrinterItNames(String printer, String width, String description) {
        TicketPrinter created = Printers.create(PrinterConfig.parse(printer, PrinterConfig.parseWidth(width)));

        assertThat(created.describe()).isEqualTo(description);
    }
}
