package id.antrean.web;

/**
 * Every error the API can answer, with its HTTP status. The name is the stable {@code code} clients
 * read; the texts live in the {@code i18n/messages} bundles under {@code error.<CODE>}.
 */
public enum ErrorCode {
    NOT_FOUND(404),
    AUTH_REQUIRED(401),
    AUTH_INVALID(401),
    LOGIN_FAILED(401),
    FACILITY_FORBIDDEN(403),
    ROLE_FORBIDDEN(403),
    RATE_LIMITED(429),
    DEVICE_NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    FACILITY_NOT_FOUND(404),
    SERVICE_NOT_FOUND(404),
    COUNTER_NOT_FOUND(404),
    TICKET_NOT_FOUND(404),
    /** A tracking link's code that names no ticket, or a ticket whose day is over: the same answer for both. */
    TRACKING_NOT_FOUND(404),
    OUTBOX_MESSAGE_NOT_FOUND(404),

    MALFORMED_JSON(400),
    MALFORMED_REQUEST(400),
    INVALID_REQUEST(400),
    INVALID_FIELD(400),
    MISSING_PARAMETER(400),
    BODY_REQUIRED(400),
    INVALID_CARD_NUMBER(400),
    INVALID_NIK(400),
    IDENTITY_REQUIRED(400),
    PASSWORD_TOO_WEAK(400),
    SPOKEN_NAME_UNSAYABLE(400),
    SCHEDULE_DAY_TWICE(400),
    SCHEDULE_CLOSES_BEFORE_OPENS(400),
    JKN_QUOTA_ABOVE_DAILY(400),
    NOTIFY_PHONE_INVALID(400),
    NOTIFY_WEBHOOK_INVALID(400),
    UNSUPPORTED_MEDIA_TYPE(415),
    PAYLOAD_TOO_LARGE(413),

    IDEMPOTENCY_KEY_REUSED(422),

    ROSTER_HEADER_INVALID(400),
    ROSTER_DUPLICATE_ROW(400),
    ROSTER_NIK_OF_OTHER_CARD(400),

    SERVICE_CLOSED(409),
    ALREADY_HAS_TICKET(409),
    DUPLICATE_REASON_STAFF_ONLY(403),
    SERVICE_CLOSED_TODAY(409),
    CLOSURE_NOT_FOUND(404),
    CLOSURE_IN_PAST(400),
    ALREADY_CLOSED(409),
    STAFF_NOT_FOUND(404),
    USERNAME_TAKEN(409),
    LAST_ADMIN(409),
    QUEUE_EMPTY(409),
    NOTIFY_DISABLED(409),
    INVALID_TRANSITION(409),
    NO_CURRENT_TICKET(409),
    TICKET_AT_OTHER_COUNTER(409),
    NOT_SERVED_HERE(409),
    SAME_SERVICE(409),
    OUTBOX_MESSAGE_NOT_DEAD(409),
    TICKET_NOT_TODAY(409),
    SAME_PAYER(409),
    TICKET_ENDED(409),
    TICKET_HAS_NO_IDENTITY(409),
    NOT_BOOKED(409),
    CONFLICT(409),
    SERVICE_CODE_TAKEN(409),
    SERVICE_PREFIX_TAKEN(409),
    SERVICE_BPJS_CODE_TAKEN(409),
    SERVICE_IN_USE(409),
    COUNTER_CODE_TAKEN(409),
    COUNTER_IN_USE(409),
    /** A backup is already running (on this node or another): one at a time. */
    BACKUP_RUNNING(409),
    EDIT_CONFLICT(412),
    PRECONDITION_REQUIRED(428),

    BPJS_CREDENTIALS_NOT_SET(404),
    BPJS_PCARE_USERNAME_REQUIRED(400),
    BPJS_CREDENTIALS_UNREADABLE(409),
    BPJS_NOT_CONFIGURED(503),
    BPJS_NO_CREDENTIALS(409),
    BPJS_UNREACHABLE(503),
    BPJS_UNAUTHORIZED(502),
    BPJS_REFUSED(502),
    SETUP_CODE_INVALID(403),
    SETUP_DONE(409),
    FACILITY_CODE_TAKEN(409),
    BPJS_PROVIDER_CODE_TAKEN(409),
    TIME_ZONE_NOT_SUPPORTED(400),
    LOGO_INVALID(400),
    LOGO_TOO_LARGE(400),
    LOGO_NOT_FOUND(404),

    DATABASE_UNAVAILABLE(503),
    INTERNAL_ERROR(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    String messageKey() {
        return "error." + name();
    }

    /** The code's text for people, in both languages. */
    public LocalizedText text(Object... args) {
        return Messages.text(messageKey(), args);
    }
}
