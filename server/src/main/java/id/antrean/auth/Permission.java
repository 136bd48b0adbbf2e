package id.antrean.auth;

/** What an identity may do within its own facility (an operator: in every facility, and create them). */
public enum Permission {
    /** See services, counters, the queue board, tickets and the live events (staff, kiosks, displays). */
    READ_QUEUE,
    /** Take a number (staff, kiosks). */
    ISSUE_TICKET,
    /** Ask whether a participant is covered (staff, kiosks). */
    CHECK_ELIGIBILITY,
    /** Get a ticket's printable PDF (staff, kiosks). */
    PRINT_TICKET,
    /** Tell the room something is wrong, e.g. a kiosk's printer is out of paper (staff, kiosks, displays). */
    REPORT_STATUS,
    /** Call, recall, skip, start, finish, transfer, park, cancel (staff). */
    COUNTER,
    /** Roster, devices, audit log, reports (staff with the ADMIN role). */
    ADMIN,
    /** Create facilities and edit any of them; act in every one (operators only, never a facility's staff). */
    OPERATE
}
