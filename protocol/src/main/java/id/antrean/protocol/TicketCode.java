package id.antrean.protocol;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code printed as a QR on every ticket: {@code ANTREAN:<facility>:<ticket id>:<label>}. The server prints it
 * and the kiosk reads it back (to show a ticket's place in line); it says nothing about the patient.
 */
public record TicketCode(String facility, long ticketId, String label) {
    private static final Pattern FORMAT = Pattern.compile("^ANTREAN:([a-z0-9][a-z0-9-]{1,39}):([0-9]{1,18}):([A-Z]-[0-9]{3,})$");

    public String text() {
        return "ANTREAN:" + facility + ":" + ticketId + ":" + label;
    }

    public static Optional<TicketCode> parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.strip());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new TicketCode(m.group(1), Long.parseLong(m.group(2)), m.group(3)));
    }
}
