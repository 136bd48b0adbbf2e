package id.antrean.mobilejkn;

import id.antrean.auth.Actor;
import id.antrean.auth.AuditLog;
import id.antrean.auth.LoginThrottle;
import id.antrean.auth.PasswordPool;
import id.antrean.auth.Passwords;
import id.antrean.auth.Tokens;
import id.antrean.facility.Facility;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import id.antrean.web.UniqueViolation;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The facility's Mobile JKN user and the tokens handed to it. {@code /auth} checks {@code x-username} and
 * {@code x-password} (bcrypt on the {@link PasswordPool}, behind a {@link LoginThrottle} per facility's username and
 * per client address) and hands out a random token that lasts an hour; only its SHA-256 is stored, in the database,
 * so every node knows it. Every other call presents {@code x-username} and
 * {@code x-token}: a token is good for its own facility and that facility's username only.
 */
public final class MobileJknAccounts {
    /** "About an hour" is what the implementations BPJS talks to use. */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    /** Expired tokens are kept this long so that their holder hears "expired", not "invalid". */
    static final Duration KEEP_EXPIRED = Duration.ofDays(1);
    /** Longer header values are no token or username of ours; they are not even hashed. */
    private static final int MAX_HEADER = 200;

    static final String ACCOUNT = """
            SELECT username, password_hash FROM mobilejkn_account WHERE facility_id = $1""";
    static final String INSERT_TOKEN = """
            INSERT INTO mobilejkn_token (facility_id, token_hash, expires_at) VALUES ($1, $2, $3)""";
    static final String FORGET_EXPIRED = """
            DELETE FROM mobilejkn_token WHERE facility_id = $1 AND expires_at < $2""";
    static final String TOKEN = """
            SELECT t.expires_at, a.username
            FROM mobilejkn_token t JOIN mobilejkn_account a ON a.facility_id = t.facility_id
            WHERE t.facility_id = $1 AND t.token_hash = $2""";
    static final String UPSERT_ACCOUNT = """
            INSERT INTO mobilejkn_account (facility_id, username, password_hash) VALUES ($1, $2, $3)
            ON CONFLICT (facility_id) DO UPDATE SET username = EXCLUDED.username, password_hash = EXCLUDED.password_hash""";
    /** New credentials end the tokens handed out under the old ones. */
    static final String REVOKE_TOKENS = """
            DELETE FROM mobilejkn_token WHERE facility_id = $1""";

    private final Pool pool;
    private final PasswordPool passwords;
    private final LoginThrottle throttle;
    private final Clock clock;

    public MobileJknAccounts(Pool pool, PasswordPool passwords, LoginThrottle throttle, Clock clock) {
        this.pool = pool;
        this.passwords = passwords;
        this.throttle = throttle;
        this.clock = clock;
    }

    /**
     * {@code /auth}: a new token, or the contract's refusal for any wrong, missing or unknown credential; RATE_LIMITED
     * (a {@link Problem} with Retry-After) when this username of the facility or the client's address has failed too
     * often lately, before the password is looked at.
     */
    public Future<String> login(Facility facility, String username, String password, String clientAddress) {
        if (!fits(username) || password == null || password.length() > MAX_HEADER) {
            return Future.failedFuture(ContractRefusal.of(ContractMessages.WRONG_CREDENTIALS));
        }
        return throttle.attempt(facility.id() + "/" + username.strip(), clientAddress,
                () -> check(facility, username, password), MobileJknAccounts::wrongCredentials);
    }

    private static boolean wrongCredentials(Throwable failure) {
        return failure instanceof ContractRefusal refusal
                && ContractMessages.WRONG_CREDENTIALS.equals(refusal.getMessage());
    }

    private Future<String> check(Facility facility, String username, String password) {
        return pool.preparedQuery(ACCOUNT).execute(Tuple.of(facility.id())).compose(rows -> {
            Row row = rows.size() == 0 ? null : rows.iterator().next();
            String hash = row == null ? passwords.decoyHash() : row.getString("password_hash");
            return passwords.matches(hash, password).compose(matches -> {
                if (row == null || !matches || !same(row.getString("username"), username)) {
                    return Future.failedFuture(ContractRefusal.of(ContractMessages.WRONG_CREDENTIALS));
                }
                String token = Tokens.newToken();
                Instant now = clock.instant();
                return pool.withTransaction(tx -> tx.preparedQuery(FORGET_EXPIRED)
                        .execute(Tuple.of(facility.id(), now.minus(KEEP_EXPIRED).atOffset(ZoneOffset.UTC)))
                        .compose(v -> tx.preparedQuery(INSERT_TOKEN).execute(Tuple.of(facility.id(), Tokens.hash(token),
                                now.plus(TOKEN_LIFETIME).atOffset(ZoneOffset.UTC)))))
                        .map(token);
            });
        });
    }

    /**
     * Calls 2–6: succeeds when the token is this facility's, unexpired, and presented with its username.
     * An expired token is "Token expired"; anything else wrong (missing, unknown, another facility's, another
     * username) is "Token tidak valid".
     */
    public Future<Void> verify(Facility facility, String username, String token) {
        if (!fits(username) || !fits(token)) {
            return Future.failedFuture(ContractRefusal.of(ContractMessages.TOKEN_INVALID));
        }
        return pool.preparedQuery(TOKEN).execute(Tuple.of(facility.id(), Tokens.hash(token))).map(rows -> {
            if (rows.size() == 0) {
                throw ContractRefusal.of(ContractMessages.TOKEN_INVALID);
            }
            Row row = rows.iterator().next();
            if (!same(row.getString("username"), username)) {
                throw ContractRefusal.of(ContractMessages.TOKEN_INVALID);
            }
            if (!row.getOffsetDateTime("expires_at").toInstant().isAfter(clock.instant())) {
                throw ContractRefusal.of(ContractMessages.TOKEN_EXPIRED);
            }
            return null;
        });
    }

    /** An admin sets the facility's credentials (staff API); the tokens of the old ones stop working. */
    public Future<Void> setAccount(Facility facility, String username, String password, Actor by) {
        if (!Passwords.isHashable(password)) {
            return Future.failedFuture(Problem.ofField(ErrorCode.INVALID_FIELD, "password", "password"));
        }
        return passwords.hash(password).compose(hash -> pool.withTransaction(tx ->
                        tx.preparedQuery(UPSERT_ACCOUNT).execute(Tuple.of(facility.id(), username, hash))
                                .compose(v -> tx.preparedQuery(REVOKE_TOKENS).execute(Tuple.of(facility.id())))
                                .compose(v -> AuditLog.append(tx, facility.id(), by, "MOBILEJKN_ACCOUNT_SET", null,
                                        new JsonObject().put("username", username), clock.instant())))
                .recover(e -> Future.failedFuture(usernameTaken(e)
                        ? Problem.ofField(ErrorCode.INVALID_FIELD, "username", "username") : e)));
    }

    /** Usernames are unique across facilities (BPJS knows a facility by its URL, the database by the name). */
    private static boolean usernameTaken(Throwable e) {
        return UniqueViolation.constraint(e).filter(c -> c.contains("username")).isPresent();
    }

    private static boolean fits(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_HEADER;
    }

    /** Constant-time comparison: the username is half of the credential. */
    private static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.strip().getBytes(StandardCharsets.UTF_8));
    }
}
