package id.antrean.notify;

import id.antrean.auth.Actor;
import id.antrean.auth.AuditLog;
import id.antrean.facility.Facility;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * The numbers patients leave for one ticket, at the kiosk or the desk. A number is kept for the ticket's day only
 * ({@link #forgetEndedDays}) and read by nobody but the sender: not the ticket, the board, the events, the audit log
 * (which records that a number was left, not which) nor the reports.
 */
public final class PhoneRegistry {
    static final String TICKET = """
            SELECT label, status, service_date FROM ticket WHERE facility_id = $1 AND ticket_id = $2 FOR SHARE""";
    static final String KEEP = """
            INSERT INTO notify_phone (facility_id, ticket_id, service_date, phone, registered_at)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (facility_id, ticket_id) DO UPDATE SET phone = EXCLUDED.phone, registered_at = EXCLUDED.registered_at""";
    /** Numbers of days that are over in their facility's time zone. */
    static final String FORGET = """
            DELETE FROM notify_phone p USING facility f
            WHERE f.facility_id = p.facility_id AND p.service_date < ($1::timestamptz AT TIME ZONE f.time_zone)::date""";
    private static final Set<String> ENDED = Set.of("DONE", "CANCELLED");

    private final Pool pool;
    private final NotifySettingsStore settings;
    private final Clock clock;

    public PhoneRegistry(Pool pool, NotifySettingsStore settings, Clock clock) {
        this.pool = pool;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Keeps {@code phone} (normalised) for the ticket, replacing one left before; a patient already near enough, or
     * already called, hears it at once. The answer says after how many people left the "near" message comes.
     */
    public Future<JsonObject> register(Facility facility, long ticketId, String phone, Actor by) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> settings.read(tx, facility.id(), false).compose(s -> {
            if (!s.enabled()) {
                throw Problem.of(ErrorCode.NOTIFY_DISABLED);
            }
            return tx.preparedQuery(TICKET).execute(Tuple.of(facility.id(), ticketId)).compose(rows -> {
                if (rows.size() == 0) {
                    throw Problem.of(ErrorCode.TICKET_NOT_FOUND);
                }
                Row ticket = rows.iterator().next();
                String label = ticket.getString("label");
                LocalDate day = ticket.getLocalDate("service_date");
                if (!day.equals(facility.today(clock))) {
                    throw Problem.of(ErrorCode.TICKET_NOT_TODAY, label, day.toString());
                }
                if (ENDED.contains(ticket.getString("status"))) {
                    throw Problem.of(ErrorCode.TICKET_ENDED, label);
                }
                return tx.preparedQuery(KEEP).execute(Tuple.of(facility.id(), ticketId, day, phone,
                                now.atOffset(ZoneOffset.UTC)))
                        .compose(v -> AuditLog.append(tx, facility.id(), by, "NOTIFY_PHONE_LEFT", ticketId,
                                new JsonObject(), now))
                        .compose(v -> NotifyOutbox.lineMoved(tx, facility.id(), day, now))
                        .compose(v -> "CALLED".equals(ticket.getString("status"))
                                ? NotifyOutbox.called(tx, facility.id(), ticketId, now) : Future.succeededFuture())
                        .map(v -> new JsonObject().put("threshold", s.threshold()));
            });
        }));
    }

    /** Deletes the numbers of every facility whose day is over; how many. */
    public Future<Integer> forgetEndedDays() {
        return pool.preparedQuery(FORGET).execute(Tuple.of(clock.instant().atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount());
    }
}
