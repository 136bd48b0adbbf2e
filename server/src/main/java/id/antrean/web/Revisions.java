package id.antrean.web;

import io.vertx.ext.web.RoutingContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency for administration edits, so two admins never silently overwrite each other. Every
 * editable row keeps a {@code version} (1 when created, +1 on each change); a {@code GET} hands it out as a strong
 * {@code ETag} ({@code "3"}), and a {@code PUT} or {@code DELETE} must send it back in {@code If-Match}. The
 * statement that changes the row checks the version in its {@code WHERE} clause; when no row matched although
 * the row exists, someone else changed it first: 412 {@code EDIT_CONFLICT}. No {@code If-Match} at all is 428
 * {@code PRECONDITION_REQUIRED} (a client that never read the row must not overwrite it blindly).
 */
public final class Revisions {
    private static final Pattern TAG = Pattern.compile("^\\s*(?:W/)?\"([0-9]{1,18})\"\\s*$");

    private Revisions() {
    }

    /** Puts the row's version on the response as its ETag. */
    public static void tag(RoutingContext rc, long version) {
        rc.response().putHeader("ETag", "\"" + version + "\"");
    }

    /** The version the client last saw, from {@code If-Match}; a problem when it is missing or not one of ours. */
    public static long expected(RoutingContext rc) {
        String header = rc.request().getHeader("If-Match");
        if (header == null || header.isBlank()) {
            throw Problem.of(ErrorCode.PRECONDITION_REQUIRED);
        }
        Matcher m = TAG.matcher(header);
        if (!m.matches()) {
            // "*" or a tag this server never issued: it cannot be the row's current version.
            throw Problem.of(ErrorCode.EDIT_CONFLICT);
        }
        return Long.parseLong(m.group(1));
    }

    /** The answer when the row exists but its version is no longer the one the client saw. */
    public static Problem conflict() {
        return Problem.of(ErrorCode.EDIT_CONFLICT);
    }
}
