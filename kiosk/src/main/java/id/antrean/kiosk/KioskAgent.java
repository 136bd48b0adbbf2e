package id.antrean.kiosk;

import id.antrean.kiosk.print.PaperWidth;
import id.antrean.kiosk.print.PrinterConfig;
import id.antrean.kiosk.print.Printers;
import id.antrean.kiosk.print.TicketPrinter;
import id.antrean.kiosk.server.ServerClient;
import id.antrean.kiosk.tickets.TicketDesk;
import id.antrean.kiosk.web.KioskRoutes;
import id.antrean.kiosk.web.MalformedRequests;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Clock;

/** A running kiosk agent: its HTTP server for the kiosk's browser, the server client and the printer. */
public final class KioskAgent implements AutoCloseable {
    private final Vertx vertx;
    private final HttpServer http;
    private final TicketPrinter printer;

    private KioskAgent(Vertx vertx, HttpServer http, TicketPrinter printer) {
        this.vertx = vertx;
        this.http = http;
        this.printer = printer;
    }

    public static KioskAgent start(KioskConfig config, Clock clock) {
        PrinterConfig printerConfig = PrinterConfig.parse(config.printer(),
                PaperWidth.fromText(Integer.toString(config.printerWidth())).orElse(PaperWidth.DEFAULT));
        TicketPrinter printer = Printers.create(printerConfig);
        Vertx vertx = Vertx.vertx();
        try {
            ServerClient server = new ServerClient(vertx, config);
            TicketDesk desk = new TicketDesk(vertx, server, printer, config.printerWidth());
            HttpServer http = vertx.createHttpServer()
                    .connectionHandler(MalformedRequests.answerUndecodableBodies())
                    .requestHandler(MalformedRequests.checkTarget(new KioskRoutes(vertx, config, server, desk, clock).router()))
                    .listen(config.port(), config.host())
                    .await();
            return new KioskAgent(vertx, http, printer);
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    public int port() {
        return http.actualPort();
    }

    public TicketPrinter printer() {
        return printer;
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
