package id.antrean.staff;

import id.antrean.auth.Actor;
import id.antrean.auth.AuditLog;
import id.antrean.auth.PasswordPolicy;
import id.antrean.auth.PasswordPool;
import id.antrean.events.SettingsChanged;
import id.antrean.facility.Facility;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import id.antrean.web.Revisions;
import id.antrean.web.UniqueViolation;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A facility's staff accounts (petugas): its admins add them, rename them, change their role, deactivate them and
 * reset their passwords. Deactivating or resetting revokes the person's tokens in the same transaction, and the
 * token check reads the database on every request, so an old token is refused from the next request on. A
 * facility never loses its last active admin. No answer, audit entry or log line carries a password or its hash.
 */
public final class StaffAccounts {
    /** Every column but the hash: nothing read here can leak it. */
    static final String COLUMNS = "staff_id, username, name, role, active, created_at, version";
    static final String LIST = "SELECT " + COLUMNS + " FROM staff WHERE facility_id = $1 ORDER BY username";
    static final String ONE = "SELECT " + COLUMNS + " FROM staff WHERE facility_id = $1 AND staff_id = $2";
    static final String INSERT = """
            INSERT INTO staff (facility_id, username, name, role, password_hash, created_at)
            VALUES ($1, $2, $3, $4, $5, $6) RETURNING\s""" + COLUMNS;
    static final String UPDATE = """
            UPDATE staff SET name = $4, role = $5, active = $6, version = version + 1
            WHERE facility_id = $1 AND staff_id = $2 AND version = $3 RETURNING\s""" + COLUMNS;
    static final String SET_PASSWORD = """
            UPDATE staff SET password_hash = $3, version = version + 1
            WHERE facility_id = $1 AND staff_id = $2 RETURNING\s""" + COLUMNS;
    static final String REVOKE_TOKENS = """
            UPDATE staff_token SET revoked_at = $3 WHERE facility_id = $1 AND staff_id = $2 AND revoked_at IS NULL""";
    /**
     * The facility's active admins, all locked in one order: two admins demoting each other at once queue up here
     * (rather than deadlock), and the second sees the first's change, so the facility keeps one.
     */
    static final String ACTIVE_ADMINS = """
            SELECT staff_id FROM staff WHERE facility_id = $1 AND role = 'ADMIN' AND active
            ORDER BY staff_id FOR UPDATE""";

    /** What an admin may change of an account. */
    public record Change(String name, String role, boolean active) {
    }

    private final Pool pool;
    private final PasswordPool passwords;
    private final Clock clock;

    public StaffAccounts(Pool pool, PasswordPool passwords, Clock clock) {
        this.pool = pool;
        this.passwords = passwords;
        this.clock = clock;
    }

    public Future<JsonArray> list(Facility facility) {
        return pool.preparedQuery(LIST).execute(Tuple.of(facility.id())).map(rows -> {
            JsonArray staff = new JsonArray();
            rows.forEach(row -> staff.add(json(row, facility)));
            return staff;
        });
    }

    public Future<JsonObject> one(Facility facility, long id) {
        return one(pool, facility, id);
    }

    /** A new account; its username must be free across every facility (and the system's operators). */
    public Future<JsonObject> add(Facility facility, String username, String name, String role, String password,
                                  Actor by) {
        PasswordPolicy.check("password", username, password);
        return passwords.hash(password).compose(hash -> {
            Instant now = clock.instant();
            return pool.withTransaction(tx -> tx.preparedQuery(INSERT)
                    .execute(Tuple.of(facility.id(), username, name, role, hash, now.atOffset(ZoneOffset.UTC)))
                    .map(rows -> json(rows.iterator().next(), facility))
                    .compose(account -> AuditLog.change(tx, facility.id(), by, "STAFF_ADDED", null, account, now)
                            .compose(v -> announce(tx, facility, now))
                            .map(account)));
        }).recover(e -> Future.failedFuture(usernameTaken(e)));
    }

    /** Renames, changes the role, (de)activates; {@code expected} is the version the admin saw. */
    public Future<JsonObject> change(Facility facility, long id, long expected, Change change, Actor by) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> one(tx, facility, id).compose(before -> {
            boolean staysAdmin = "ADMIN".equals(change.role()) && change.active();
            boolean wasAdmin = "ADMIN".equals(before.getString("role")) && before.getBoolean("active");
            Future<Void> keepsAnAdmin = wasAdmin && !staysAdmin
                    ? tx.preparedQuery(ACTIVE_ADMINS).execute(Tuple.of(facility.id())).map(admins -> {
                        boolean another = false;
                        for (Row admin : admins) {
                            another |= admin.getLong("staff_id") != id;
                        }
                        if (!another) {
                            throw Problem.of(ErrorCode.LAST_ADMIN);
                        }
                        return null;
                    })
                    : Future.succeededFuture();
            return keepsAnAdmin
                    .compose(v -> tx.preparedQuery(UPDATE).execute(Tuple.of(facility.id(), id, expected,
                            change.name(), change.role(), change.active())))
                    .compose(rows -> {
                        if (rows.size() == 0) {
                            throw Revisions.conflict();
                        }
                        JsonObject after = json(rows.iterator().next(), facility);
                        Future<Void> revoked = change.active() ? Future.succeededFuture() : revokeTokens(tx, facility, id, now);
                        return revoked
                                .compose(v -> AuditLog.change(tx, facility.id(), by, "STAFF_CHANGED", before, after, now))
                                .compose(v -> announce(tx, facility, now))
                                .map(after);
                    });
        }));
    }

    /** A new password chosen by an admin; the person's current tokens stop working at once. */
    public Future<JsonObject> resetPassword(Facility facility, long id, String password, Actor by) {
        return one(facility, id).compose(account -> {
            PasswordPolicy.check("password", account.getString("username"), password);
            return passwords.hash(password);
        }).compose(hash -> {
            Instant now = clock.instant();
            return pool.withTransaction(tx -> one(tx, facility, id).compose(before -> tx.preparedQuery(SET_PASSWORD)
                    .execute(Tuple.of(facility.id(), id, hash))
                    .map(rows -> json(rows.iterator().next(), facility))
                    .compose(after -> revokeTokens(tx, facility, id, now)
                            // The audit says that the password changed, never what it is or its hash.
                            .compose(v -> AuditLog.change(tx, facility.id(), by, "STAFF_PASSWORD_RESET",
                                    before, after.copy().put("passwordReset", true), now))
                            .compose(v -> announce(tx, facility, now))
                            .map(after))));
        });
    }

    private static Future<JsonObject> one(SqlClient db, Facility facility, long id) {
        return db.preparedQuery(ONE).execute(Tuple.of(facility.id(), id)).map(rows -> {
            if (rows.size() == 0) {
                throw Problem.of(ErrorCode.STAFF_NOT_FOUND);
            }
            return json(rows.iterator().next(), facility);
        });
    }

    private static Future<Void> revokeTokens(SqlClient tx, Facility facility, long id, Instant now) {
        return tx.preparedQuery(REVOKE_TOKENS).execute(Tuple.of(facility.id(), id, now.atOffset(ZoneOffset.UTC)))
                .mapEmpty();
    }

    private static Future<Void> announce(SqlClient tx, Facility facility, Instant now) {
        return SettingsChanged.announce(tx, facility.id(), facility.zone(), "staff", now).mapEmpty();
    }

    /** Usernames are unique across facilities and operators: the database says so with a unique violation. */
    private static Throwable usernameTaken(Throwable e) {
        if (UniqueViolation.is(e)) {
            return Problem.ofField(ErrorCode.USERNAME_TAKEN, "username");
        }
        return e;
    }

    private static JsonObject json(Row row, Facility facility) {
        return new JsonObject()
                .put("id", row.getLong("staff_id"))
                .put("username", row.getString("username"))
                .put("name", row.getString("name"))
                .put("role", row.getString("role"))
                .put("active", row.getBoolean("active"))
                .put("createdAt", facility.local(row.getOffsetDateTime("created_at").toInstant()).toString())
                .put("version", row.getInteger("version"));
    }
}
