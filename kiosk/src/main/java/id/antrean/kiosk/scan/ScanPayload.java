package id.antrean.kiosk.scan;

import id.antrean.protocol.CardNumberRule;
import id.antrean.protocol.NikRule;
import id.antrean.protocol.TicketCode;
import id.antrean.protocol.TrackLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a scanned QR code means to the kiosk. What the Mobile JKN digital card encodes is not documented,
 * so its text is searched rather than parsed: it counts when it is, or plainly contains, a 13-digit card
 * number or a valid 16-digit NIK. Our own printed tickets carry their tracking link ({@code <base>/t/<code>}), or
 * before it {@code ANTREAN:<facility>:<id>:<label>}: both are a {@link Kind#BOOKING}, a ticket to show.
 *
 * @param kind  what was recognised
 * @param value the normalised value: 13 digits, 16 digits, the ticket code or link; empty for {@link Kind#OTHER}
 */
public record ScanPayload(Kind kind, String value) {

    public enum Kind { CARD, NIK, BOOKING, OTHER }

    /**
     * Digit groups joined by single separators people and apps write inside numbers ("0001 2345 67890",
     * "3174-0512-3456-0001"), bounded by non-digits. A '+' before it marks a phone number (+62 812 ...),
     * which can have 13 digits too.
     */
    private static final Pattern DIGIT_CHAIN = Pattern.compile("(?<![0-9+])[0-9]+(?:[ .\\-\\u00A0][0-9]+)*(?![0-9])");
    private static final Pattern DIGIT_GROUP = Pattern.compile("[0-9]+");

    private static final int CARD_DIGITS = CardNumberRule.DIGITS;
    private static final int NIK_DIGITS = NikRule.DIGITS;

    public ScanPayload {
        if (kind == null || value == null) {
            throw new IllegalArgumentException("kind and value are required");
        }
    }

    public static ScanPayload other() {
        return new ScanPayload(Kind.OTHER, "");
    }

    /**
     * Classifies decoded text. A ticket code must be the whole text. Otherwise numbers are looked for:
     * a card number wins over a NIK when both appear (as on the server: the card number is what BPJS is
     * asked about first), and a 16-digit number that is not a valid NIK does not count.
     */
    public static ScanPayload classify(String text) {
        if (text == null) {
            return other();
        }
        String stripped = text.strip();
        // The server's own format (the protocol module), so a ticket it prints is always recognised.
        // Tickets print their tracking link since the patient's own page (issue #19); older ones the ANTREAN: code.
        if (TicketCode.parse(stripped).isPresent() || TrackLink.parse(stripped).isPresent()) {
            return new ScanPayload(Kind.BOOKING, stripped);
        }
        List<String> numbers = candidateNumbers(stripped);
        Optional<String> card = numbers.stream().filter(n -> n.length() == CARD_DIGITS).findFirst();
        if (card.isPresent()) {
            return new ScanPayload(Kind.CARD, card.get());
        }
        Optional<String> nik = numbers.stream().filter(NikRule::isValid).findFirst();
        return nik.map(n -> new ScanPayload(Kind.NIK, n)).orElseGet(ScanPayload::other);
    }

    /**
     * Every 13- or 16-digit number in the text, normalised to digits, in reading order. A chain of groups
     * that is not itself 13 or 16 digits long is also searched for consecutive groups that are, so a date
     * or a code written just before a card number ("12-05-1958 0001234567890") does not hide it.
     */
    private static List<String> candidateNumbers(String text) {
        List<String> numbers = new ArrayList<>();
        Matcher chain = DIGIT_CHAIN.matcher(text);
        while (chain.find()) {
            List<String> groups = DIGIT_GROUP.matcher(chain.group()).results().map(m -> m.group()).toList();
            String whole = String.join("", groups);
            if (hasWantedLength(whole)) {
                numbers.add(whole);
                continue;
            }
            for (int first = 0; first < groups.size(); first++) {
                StringBuilder digits = new StringBuilder();
                for (int last = first; last < groups.size() && digits.length() < NIK_DIGITS; last++) {
                    digits.append(groups.get(last));
                    if (hasWantedLength(digits)) {
                        numbers.add(digits.toString());
                    }
                }
            }
        }
        return numbers;
    }

    private static boolean hasWantedLength(CharSequence digits) {
        return digits.length() == CARD_DIGITS || digits.length() == NIK_DIGITS;
    }

    /** Never the whole number: card numbers and NIKs are personal data and end up in logs. */
    @Override
    public String toString() {
        String shown = switch (kind) {
            case CARD, NIK -> "*".repeat(value.length() - 4) + value.substring(value.length() - 4);
            case BOOKING -> value;
            case OTHER -> "";
        };
        return "ScanPayload[" + kind + (shown.isEmpty() ? "" : " " + shown) + "]";
    }
}
