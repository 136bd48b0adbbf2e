package id.antrean.setup;

import id.antrean.auth.Actor;
import id.antrean.auth.AuditLog;
import id.antrean.auth.LoginThrottle;
import id.antrean.auth.PasswordPool;
import id.antrean.auth.Principal;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import id.antrean.web.UniqueViolation;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Spends the setup code to create the first operator. The code is checked before the password is hashed (a wrong
 * code costs no bcrypt) and again under a row lock in the transaction that creates the operator, so of two setups
 * at once exactly one succeeds. Wrong codes count as failed logins do (per client address, and all together as one
 * account "setup"), so the code cannot be guessed faster than a password.
 */
public final class FirstOperator {
    static final String CODE = "SELECT code_hash, spent_at FROM setup_code";
    static final String CODE_FOR_UPDATE = "SELECT code_hash, spent_at FROM setup_code FOR UPDATE";
    static final String ANY_OPERATOR = "SELECT EXISTS (SELECT 1 FROM operator) AS taken";
    static final String INSERT_OPERATOR = """
            INSERT INTO operator (username, name, password_hash) VALUES ($1, $2, $3)
            RETURNING operator_id, username, name""";
    static final String SPEND = "UPDATE setup_code SET spent_at = $1";

    /** What the setup asks for. */
    public record Request(String code, String username, String name, String password) {
        @Override
        public String toString() {
            return "Request[username=" + username + "]";
        }
    }

    private final Pool pool;
    private final PasswordPool passwords;
    private final LoginThrottle throttle;
    private final Clock clock;

    public FirstOperator(Pool pool, PasswordPool passwords, LoginThrottle throttle, Clock clock) {
        this.pool = pool;
        this.passwords = passwords;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** Whether the setup is still to be done (a code is on offer and no operator exists). */
    public Future<Boolean> open() {
        return pool.query(CODE).execute().compose(rows -> {
            boolean offered = rows.size() > 0 && rows.iterator().next().getOffsetDateTime("spent_at") == null;
            return !offered ? Future.succeededFuture(false)
                    : pool.query(ANY_OPERATOR).execute().map(any -> !any.iterator().next().getBoolean("taken"));
        });
    }

    /** The new operator (id, username, name, role); SETUP_DONE, SETUP_CODE_INVALID, USERNAME_TAKEN or RATE_LIMITED. */
    public Future<JsonObject> create(Request request, String clientAddress) {
        String hash = SetupCode.hash(request.code());
        return throttle.attempt("setup", clientAddress, () -> checkCode(pool, hash, false),
                        e -> e instanceof Problem p && p.code() == ErrorCode.SETUP_CODE_INVALID)
                .compose(ok -> passwords.hash(request.password()))
                .compose(passwordHash -> pool.withTransaction(tx -> checkCode(tx, hash, true)
                        .compose(ok -> tx.query(ANY_OPERATOR).execute())
                        .compose(any -> any.iterator().next().getBoolean("taken")
                                ? Future.failedFuture(Problem.of(ErrorCode.SETUP_DONE))
                                : tx.preparedQuery(INSERT_OPERATOR)
                                        .execute(Tuple.of(request.username(), request.name(), passwordHash)))
                        .compose(rows -> spend(tx, rows.iterator().next()))))
                .recover(e -> Future.failedFuture(usernameTaken(e)
                        ? Problem.ofField(ErrorCode.USERNAME_TAKEN, "operator.username", request.username()) : e));
    }

    private Future<Void> checkCode(SqlClient on, String hash, boolean lock) {
        return on.query(lock ? CODE_FOR_UPDATE : CODE).execute().compose(rows -> {
            Row row = rows.size() == 0 ? null : rows.iterator().next();
            if (row == null || row.getOffsetDateTime("spent_at") != null) {
                return Future.failedFuture(Problem.of(ErrorCode.SETUP_DONE));
            }
            if (!MessageDigest.isEqual(row.getString("code_hash").getBytes(StandardCharsets.US_ASCII),
                    hash.getBytes(StandardCharsets.US_ASCII))) {
                return Future.failedFuture(Problem.ofField(ErrorCode.SETUP_CODE_INVALID, "setupCode"));
            }
            return Future.succeededFuture();
        });
    }

    private Future<JsonObject> spend(SqlClient tx, Row created) {
        Instant now = clock.instant();
        JsonObject operator = new JsonObject()
                .put("id", created.getLong("operator_id"))
                .put("username", created.getString("username"))
                .put("name", created.getString("name"))
                .put("role", Principal.OPERATOR_ROLE);
        Actor actor = new Actor(Principal.Kind.OPERATOR.name(), operator.getLong("id"), operator.getString("username"));
        return tx.preparedQuery(SPEND).execute(Tuple.of(now.atOffset(ZoneOffset.UTC)))
                .compose(done -> AuditLog.systemChange(tx, actor, "SETUP", null,
                        new JsonObject().put("operator", operator), now))
                .map(done -> operator);
    }

    private static boolean usernameTaken(Throwable e) {
        return UniqueViolation.is(e);
    }
}
