package id.antrean.profile;

/**
 * What a facility puts on its printed ticket besides the queue's own words: its footer text and its logo, each
 * null when its profile has none.
 *
 * @param logo a PNG or JPEG (see {@link Logo}), at most a few kilobytes
 */
public record Letterhead(String ticketFooter, byte[] logo) {
    public static final Letterhead NONE = new Letterhead(null, null);
}
