package id.antrean.protocol;

import java.util.Map;

/**
 * Reading settings from environment variables, the same way in the server and the kiosk: a blank value is an
 * unset one, values are stripped, and a bad value stops start-up with "NAME must be …" naming the variable.
 * Takes the map rather than {@link System#getenv()} so tests can pass their own.
 */
public final class Env {
    private Env() {
    }

    /** The stripped value, or null when unset or blank. */
    public static String text(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The stripped value, or {@code fallback} when unset or blank. */
    public static String text(Map<String, String> env, String name, String fallback) {
        String value = text(env, name);
        return value == null ? fallback : value;
    }

    /** The stripped value; unset or blank stops start-up with "NAME is required" and {@code when} appended. */
    public static String required(Map<String, String> env, String name, String when) {
        String value = text(env, name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required" + when);
        }
        return value;
    }

    public static String required(Map<String, String> env, String name) {
        return required(env, name, "");
    }

    /** "1" or "true" (any case) switches it on; anything else, or nothing, leaves it off. */
    public static boolean flag(Map<String, String> env, String name) {
        String value = text(env, name);
        return "1".equals(value) || "true".equalsIgnoreCase(value);
    }

    /** A whole number between {@code min} and {@code max}, or {@code fallback} when unset or blank. */
    public static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        String value = text(env, name);
        if (value == null) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + value, e);
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + value);
        }
        return parsed;
    }

    /** A whole number of any size an int holds, or {@code fallback} when unset or blank. */
    public static int integer(Map<String, String> env, String name, int fallback) {
        return integer(env, name, fallback, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** A whole number of any size a long holds, or {@code fallback} when unset or blank. */
    public static long longInteger(Map<String, String> env, String name, long fallback, String unit) {
        String value = text(env, name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number" + unit + ", not " + value, e);
        }
    }
}
