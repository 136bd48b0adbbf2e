package id.antrean.kiosk.tickets;

import id.antrean.kiosk.print.PrintResult;
import id.antrean.kiosk.print.PrinterProblem;
import id.antrean.kiosk.print.PrinterStatus;
import id.antrean.kiosk.print.TicketPrinter;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/** How the page hears about printing: {@code {printed, problem?: {kind, message: {id, en}}}}. */
public final class PrintOutcomes {
    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private PrintOutcomes() {
    }

    public static JsonObject toJson(PrintResult result) {
        JsonObject json = new JsonObject().put("printed", result.isPrinted());
        result.problem().ifPresent(p -> json.put("problem", problem(p)));
        return json;
    }

    /** For a ticket the server issued but the printer did not print: the number stands, say so. */
    public static JsonObject forIssuedTicket(PrintResult result) {
        JsonObject json = new JsonObject().put("printed", result.isPrinted());
        result.problem().ifPresent(p -> json.put("problem", new JsonObject().put("kind", p.kind().name())
                .put("message", new JsonObject()
                        .put("id", agentText("agent.notPrinted." + p.kind().name(), INDONESIAN))
                        .put("en", agentText("agent.notPrinted." + p.kind().name(), Locale.ENGLISH)))));
        return json;
    }

    private static String agentText(String key, Locale locale) {
        return java.util.ResourceBundle.getBundle("i18n.kiosk_agent", locale, java.util.ResourceBundle.Control
                .getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
    }

    public static String kind(PrintResult result) {
        return result.problem().map(p -> p.kind().name()).orElse(null);
    }

    /** The printer as the welcome screen should describe it: the last print's trouble, else what it reports. */
    public static JsonObject state(PrintResult last, TicketPrinter printer) {
        if (last != null && !last.isPrinted()) {
            PrinterProblem p = last.problem().orElseThrow();
            return new JsonObject().put("state", p.kind().name()).put("message", problem(p).getJsonObject("message"));
        }
        PrinterStatus status = printer.status();
        String state = switch (status.state()) {
            case READY, PAPER_LOW -> "OK";
            case UNKNOWN -> last != null ? "OK" : "UNKNOWN";
            default -> status.state().name();
        };
        JsonObject json = new JsonObject().put("state", state);
        if (!state.equals("OK") && !state.equals("UNKNOWN")) {
            json.put("message", new JsonObject().put("id", status.label(INDONESIAN)).put("en", status.label(Locale.ENGLISH)));
        }
        return json;
    }

    private static JsonObject problem(PrinterProblem p) {
        return new JsonObject().put("kind", p.kind().name()).put("message", new JsonObject()
                .put("id", p.patientMessage(INDONESIAN)).put("en", p.patientMessage(Locale.ENGLISH)));
    }
}
