package id.antrean.web;

import io.vertx.core.json.JsonObject;

/**
 * A failure with a stable code and a message for people, thrown by features and turned into
 * {@code application/problem+json} in one place ({@link ProblemHandler}).
 */
public final class Problem extends RuntimeException {
    private final ErrorCode code;
    private final transient Object[] args;
    private final String field;
    private final String detail;
    private final int retryAfterSeconds;
    private final transient JsonObject members;

    private Problem(ErrorCode code, String field, String detail, int retryAfterSeconds, Object... args) {
        this(code, field, detail, retryAfterSeconds, new JsonObject(), args);
    }

    private Problem(ErrorCode code, String field, String detail, int retryAfterSeconds, JsonObject members,
                    Object... args) {
        super(code.name(), null, false, false);
        this.code = code;
        this.field = field;
        this.detail = detail;
        this.retryAfterSeconds = retryAfterSeconds;
        this.members = members;
        this.args = args;
    }

    /**
     * The same problem with one more member in its body (RFC 9457 extension members), e.g. the ticket a person
     * already holds. The standard members ({@code type}, {@code code}, {@code message} …) cannot be replaced.
     */
    public Problem with(String member, Object value) {
        JsonObject more = members.copy().put(member, value);
        return new Problem(code, field, detail, retryAfterSeconds, more, args);
    }

    /** The extension members, in the order they were added; empty for most problems. */
    public JsonObject members() {
        return members.copy();
    }

    public static Problem of(ErrorCode code, Object... args) {
        return new Problem(code, null, null, 0, args);
    }

    /** A problem with one input field, named in the answer so a form can point at it. */
    public static Problem ofField(ErrorCode code, String field, Object... args) {
        return new Problem(code, field, null, 0, args);
    }

    /** A problem with a technical detail for developers (English, from a library), beside the texts for people. */
    public static Problem withDetail(ErrorCode code, String detail) {
        return new Problem(code, null, detail, 0);
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }

    /** A problem that goes away by itself: the client may try again after this many seconds. */
    public static Problem retryAfter(ErrorCode code, int seconds) {
        return new Problem(code, null, null, Math.max(1, seconds));
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public String detail() {
        return detail;
    }

    public LocalizedText text() {
        return code.text(args);
    }
}
