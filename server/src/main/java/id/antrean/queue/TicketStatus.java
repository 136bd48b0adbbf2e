package id.antrean.queue;

import id.antrean.web.Messages;

/** Where a ticket stands in its life. */
public enum TicketStatus {
    /** Booked online (Mobile JKN), the patient not arrived yet: not in line until they check in. */
    BOOKED,
    /** In line for its service. */
    WAITING,
    /** Called to a counter; the patient is on the way. */
    CALLED,
    /** Being served at the counter. */
    SERVING,
    /** Held aside at a counter (e.g. sent to fetch a document), to be resumed there. */
    PARKED,
    /** Called but did not come (no-show); can be returned to the line. */
    SKIPPED,
    DONE,
    CANCELLED,
    /** Booked but never came: not checked in by the service's closing time. */
    NO_SHOW;

    /** At a counter right now. */
    public boolean atCounter() {
        return this == CALLED || this == SERVING;
    }

    Messages.Key text() {
        return new Messages.Key("status." + name());
    }
}
