package id.antrean.events;

/**
 * Every kind of change a facility's screens and consoles hear about, as its {@code type} field names it. One list,
 * so a new kind is added here (and to the clients), never spelled anew in the class that emits it.
 */
public enum EventType {
    TICKET_ISSUED,
    TICKET_BOOKED,
    TICKET_CHECKED_IN,
    TICKET_CALLED,
    TICKET_RECALLED,
    TICKET_SKIPPED,
    TICKET_REQUEUED,
    TICKET_STARTED,
    TICKET_FINISHED,
    TICKET_TRANSFERRED,
    TICKET_PARKED,
    TICKET_RESUMED,
    TICKET_CANCELLED,
    TICKET_NO_SHOW,
    /** The desk corrected a ticket: a fresh eligibility check ("Periksa ulang"), or JKN switched with UMUM. */
    TICKET_UPDATED,
    DEVICE_ALERT,
    /** An admin changed the facility's settings (profile, services, schedules, closures, rooms, ...). */
    SETTINGS_CHANGED,
    /** The server's backup of the whole database failed: every admin console shows it until one succeeds. */
    BACKUP_FAILED
}
