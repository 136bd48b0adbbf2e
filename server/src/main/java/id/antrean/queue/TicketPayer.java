package id.antrean.queue;

import id.antrean.auth.Actor;
import id.antrean.auth.AuditLog;
import id.antrean.bpjs.outbox.BpjsOutbox;
import id.antrean.eligibility.CardNumber;
import id.antrean.eligibility.Eligibility;
import id.antrean.eligibility.EligibilityService;
import id.antrean.eligibility.Identity;
import id.antrean.eligibility.Nik;
import id.antrean.events.EventLog;
import id.antrean.events.EventType;
import id.antrean.events.QueueEvent;
import id.antrean.facility.Facility;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * The desk's corrections of who pays for a ticket: "Periksa ulang" asks BPJS again now (the patient has just paid
 * their arrears in Mobile JKN) and the ticket carries the new answer; the switch between JKN and UMUM changes the
 * payer. Each is one transaction with the audit entry and the event consoles hear, and BPJS's queue hears a switch
 * as FKTP systems tell it: leaving JKN cancels the number there (antrean/batal), joining JKN adds it
 * (antrean/add). BPJS is asked before the transaction, as it may take up to its timeout.
 */
public final class TicketPayer {
    static final String STATE = """
            SELECT ticket_id, label, status, payer, card_number, nik, service_date, eligibility, eligibility_source,
                   eligibility_checked_at,
                   (SELECT s.dental FROM service s
                    WHERE s.facility_id = ticket.facility_id AND s.service_id = ticket.service_id) AS dental
            FROM ticket WHERE facility_id = $1 AND ticket_id = $2""";
    static final String LOCK = STATE + " FOR UPDATE";

    static final String SET_CHECK = "WITH changed AS (UPDATE ticket SET eligibility = $3, eligibility_source = $4,"
            + " eligibility_checked_at = $5, card_number = coalesce(card_number, $6), updated_at = $7"
            + " WHERE facility_id = $1 AND ticket_id = $2 RETURNING *) " + TicketView.selectFrom("changed");

    static final String SET_PAYER = "WITH changed AS (UPDATE ticket SET payer = $3, eligibility = coalesce($4, eligibility),"
            + " eligibility_source = coalesce($5, eligibility_source),"
            + " eligibility_checked_at = coalesce($6, eligibility_checked_at), card_number = coalesce($7, card_number),"
            + " nik = coalesce($8, nik), updated_at = $9"
            + " WHERE facility_id = $1 AND ticket_id = $2 RETURNING *) " + TicketView.selectFrom("changed");

    private static final Set<String> ENDED = Set.of("DONE", "CANCELLED", "NO_SHOW");

    private final Pool pool;
    private final EligibilityService eligibility;
    private final Clock clock;

    public TicketPayer(Pool pool, EligibilityService eligibility, Clock clock) {
        this.pool = pool;
        this.eligibility = eligibility;
        this.clock = clock;
    }

    /** What a correction answers: the ticket as it is now, and the check it carries (null when none was made). */
    public record Corrected(Ticket ticket, Eligibility check) {
        public JsonObject toJson(Facility facility) {
            return new JsonObject().put("ticket", ticket.toJson())
                    .put("eligibility", check == null ? null : check.toJson(facility.zone()));
        }
    }

    /** "Periksa ulang": a fresh BPJS answer for the ticket's card or NIK, which the ticket then carries. */
    public Future<Corrected> recheck(Facility facility, long ticketId, Actor actor) {
        return state(pool, facility, ticketId, false).compose(before -> {
            refuseIfNotOpenToday(facility, before);
            Identity identity = before.identity();
            if (identity == null) {
                throw Problem.of(ErrorCode.TICKET_HAS_NO_IDENTITY, before.label());
            }
            return eligibility.recheck(facility, identity, before.dental()).compose(checked -> pool.withTransaction(tx ->
                    state(tx, facility, ticketId, true).compose(locked -> {
                        Instant now = clock.instant();
                        return tx.preparedQuery(SET_CHECK).execute(Tuple.of(facility.id(), ticketId,
                                        checked.reason().name(), checked.source().name(),
                                        checked.checkedAt().atOffset(ZoneOffset.UTC), checked.cardNumber(),
                                        now.atOffset(ZoneOffset.UTC)))
                                .compose(rows -> recorded(tx, facility, actor, "RECHECK_ELIGIBILITY", locked,
                                        TicketView.map(rows.iterator().next()), now))
                                .map(ticket -> new Corrected(ticket, checked));
                    })));
        });
    }

    /**
     * Switches the ticket to {@code payer}. To JKN the patient is checked first (by the card or NIK given, else the
     * ticket's own), and a JKN ticket keeps its check even when it is not eligible: the desk decides, the ticket
     * shows why.
     */
    public Future<Corrected> switchPayer(Facility facility, long ticketId, String payer, String card, String nik,
                                         Actor actor) {
        Identity given = card == null && nik == null ? null : Identity.of(card, nik);
        return state(pool, facility, ticketId, false).compose(before -> {
            refuseIfNotOpenToday(facility, before);
            if (before.payer().equals(payer)) {
                throw Problem.of(ErrorCode.SAME_PAYER, before.label(), payer);
            }
            if (payer.equals("UMUM")) {
                return change(facility, ticketId, payer, null, null, null, actor);
            }
            Identity identity = given != null ? given : before.identity();
            if (identity == null) {
                throw Problem.ofField(ErrorCode.IDENTITY_REQUIRED, "card");
            }
            return eligibility.check(facility, identity, before.dental()).compose(checked ->
                    change(facility, ticketId, payer, checked,
                            identity instanceof Identity.Card c ? c.value() : checked.cardNumber(),
                            identity instanceof Identity.ByNik n ? n.value() : null, actor));
        });
    }

    private Future<Corrected> change(Facility facility, long ticketId, String payer, Eligibility checked,
                                     String card, String nik, Actor actor) {
        return pool.withTransaction(tx -> state(tx, facility, ticketId, true).compose(locked -> {
            refuseIfNotOpenToday(facility, locked);
            if (locked.payer().equals(payer)) {
                throw Problem.of(ErrorCode.SAME_PAYER, locked.label(), payer);
            }
            Instant now = clock.instant();
            // BPJS is told while the ticket is still JKN: antrean/batal concerns JKN tickets only.
            Future<Void> leaving = payer.equals("UMUM")
                    ? BpjsOutbox.cancelled(tx, facility.id(), ticketId, "Pasien beralih menjadi pasien umum", now)
                    : Future.succeededFuture();
            return leaving.compose(v -> tx.preparedQuery(SET_PAYER).execute(Tuple.tuple()
                            .addLong(facility.id()).addLong(ticketId).addString(payer)
                            .addString(checked == null ? null : checked.reason().name())
                            .addString(checked == null ? null : checked.source().name())
                            .addOffsetDateTime(checked == null ? null : checked.checkedAt().atOffset(ZoneOffset.UTC))
                            .addString(card).addString(nik)
                            .addOffsetDateTime(now.atOffset(ZoneOffset.UTC))))
                    .compose(rows -> recorded(tx, facility, actor, "SWITCH_PAYER", locked,
                            TicketView.map(rows.iterator().next()), now))
                    // To JKN: BPJS hears the number with the card. To UMUM: with empty card and NIK, only while
                    // the facility reports all patients (the outbox's rule), so its dashboard still counts the visit.
                    .compose(ticket -> BpjsOutbox.added(tx, facility.id(), ticketId, payer.equals("JKN")
                            ? "Beralih dari pasien umum" : "Beralih menjadi pasien umum", now).map(ticket))
                    .map(ticket -> new Corrected(ticket, checked));
        }));
    }

    /** The audit entry (what the ticket was and is: payer and check, never the card or NIK) and the event. */
    private Future<Ticket> recorded(SqlConnection tx, Facility facility, Actor actor, String action, PayerState before,
                                    Ticket after, Instant now) {
        JsonObject details = new JsonObject()
                .put("before", before.summary())
                .put("after", new JsonObject().put("payer", after.payer())
                        .put("eligibility", after.toJson().getValue("eligibility")));
        QueueEvent event = new QueueEvent(facility.id(), EventType.TICKET_UPDATED, now, facility.zone(), after.id(),
                after.serviceId(), null, new JsonObject().put("ticket", after.toJson()));
        return EventLog.append(tx, event)
                .compose(v -> AuditLog.append(tx, facility.id(), actor, action, after.id(), details, now))
                .map(after);
    }

    private void refuseIfNotOpenToday(Facility facility, PayerState state) {
        LocalDate today = facility.today(clock);
        if (!state.serviceDate().equals(today)) {
            throw Problem.of(ErrorCode.TICKET_NOT_TODAY, state.label(), state.serviceDate().toString());
        }
        if (ENDED.contains(state.status())) {
            throw Problem.of(ErrorCode.TICKET_ENDED, state.label());
        }
    }

    private static Future<PayerState> state(SqlClient db, Facility facility, long ticketId, boolean lock) {
        return db.preparedQuery(lock ? LOCK : STATE).execute(Tuple.of(facility.id(), ticketId)).map(rows -> {
            if (rows.size() == 0) {
                throw Problem.of(ErrorCode.TICKET_NOT_FOUND);
            }
            return PayerState.of(rows.iterator().next());
        });
    }

    private record PayerState(String label, String status, String payer, String cardNumber, String nik,
                               LocalDate serviceDate, String eligibility, String eligibilitySource,
                               OffsetDateTime eligibilityCheckedAt, boolean dental) {
        static PayerState of(Row row) {
            return new PayerState(row.getString("label"), row.getString("status"), row.getString("payer"),
                    row.getString("card_number"), row.getString("nik"), row.getLocalDate("service_date"),
                    row.getString("eligibility"), row.getString("eligibility_source"),
                    row.getOffsetDateTime("eligibility_checked_at"), Boolean.TRUE.equals(row.getBoolean("dental")));
        }

        Identity identity() {
            return cardNumber != null ? new Identity.Card(CardNumber.parse(cardNumber))
                    : nik != null ? new Identity.ByNik(Nik.parse(nik)) : null;
        }

        JsonObject summary() {
            return new JsonObject().put("payer", payer).put("eligibility", eligibility == null ? null
                    : new JsonObject().put("reason", eligibility).put("source", eligibilitySource)
                            .put("checkedAt", eligibilityCheckedAt == null ? null : eligibilityCheckedAt.toString()));
        }
    }
}
