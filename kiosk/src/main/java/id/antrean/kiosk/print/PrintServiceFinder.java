package id.antrean.kiosk.print;

import java.util.Arrays;
import java.util.List;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;

/** Lists the OS's print services (CUPS queues, Windows printers); replaceable in tests. */
@FunctionalInterface
public interface PrintServiceFinder {

    List<PrintService> printServices();

    /** The JDK's lookup: CUPS on Linux and macOS, the spooler on Windows. Asks the OS every time (printers come and go). */
    static PrintServiceFinder system() {
        return () -> Arrays.asList(PrintServiceLookup.lookupPrintServices(null, null));
    }
}
