package id.antrean.auth;

/** Who did something, as the audit log records it. */
public record Actor(String kind, Long id, String name) {
    /** The server itself (e.g. a scheduled job). */
    public static final Actor SYSTEM = new Actor("SYSTEM", null, "system");
}
