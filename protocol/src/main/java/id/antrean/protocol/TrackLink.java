package id.antrean.protocol;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ticket's tracking link, {@code <base>/t/<code>}: what its QR carries since the patient's own tracking page, so a
 * phone's camera opens it and the kiosk reads it back (as it reads the older {@link TicketCode}). The code is 22
 * base64url characters (16 random bytes); the base is the server's public URL and may have a path.
 */
public record TrackLink(String base, String code) {
    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9_-]{22}$");
    private static final Pattern FORMAT = Pattern.compile("^(https?://[^\\s/?#]+(?:/[^\\s?#]*)?)/t/([A-Za-z0-9_-]{22})$");

    /** The link under {@code base} (a trailing slash or not). */
    public static TrackLink of(String base, String code) {
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return new TrackLink(trimmed, code);
    }

    public String url() {
        return base + "/t/" + code;
    }

    /** Whether this can be a tracking code at all (anything else needs no lookup). */
    public static boolean isCode(String text) {
        return text != null && CODE.matcher(text).matches();
    }

    public static Optional<TrackLink> parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.strip());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new TrackLink(m.group(1), m.group(2)));
    }
}
