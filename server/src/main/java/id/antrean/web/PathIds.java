package id.antrean.web;

import io.vertx.ext.web.RoutingContext;

/**
 * Ids in paths ({@code …/tickets/{ticket}}, {@code …/devices/{device}}): digits only, as the API hands them out.
 * The contract's validator reads a path parameter as JSON, so it also lets through {@code "1 "}, {@code "1.0"} or
 * {@code "1e3"}; whatever it let through, a handler reads the id here, never with a bare {@code Long.parseLong}.
 */
public final class PathIds {
    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("[0-9]{1,19}");

    private PathIds() {
    }

    /** The id in path parameter {@code name}; 400 {@code INVALID_FIELD} naming it when it is not one. */
    public static long id(RoutingContext rc, String name) {
        String value = rc.pathParam(name);
        if (value == null || !DIGITS.matcher(value).matches()) {
            throw Problem.ofField(ErrorCode.INVALID_FIELD, name, name);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            // Nineteen digits beyond Long.MAX_VALUE: no id of ours either.
            throw Problem.ofField(ErrorCode.INVALID_FIELD, name, name);
        }
    }
}
