package id.antrean.auth;

import id.antrean.facility.Facility;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Logs staff and operators in (bcrypt on the {@link PasswordPool}, behind the {@link LoginThrottle}), hands out short-lived
 * bearer tokens, and tells who a token belongs to. Tokens live in the database (hashed), so every server node
 * knows them and a revocation is immediate.
 */
public final class AuthService {
    /** A username is a staff member's or an operator's (never both: the database keeps them unique across). */
    static final String ACCOUNT_BY_USERNAME = """
            SELECT 'STAFF' AS kind, s.facility_id, s.staff_id AS id, s.username, s.name, s.role, s.password_hash,
                   s.active, f.code AS facility_code, f.name AS facility_name, f.time_zone, f.bpjs_provider_code,
                   f.booking_window_days
            FROM staff s JOIN facility f ON f.facility_id = s.facility_id
            WHERE s.username = $1
            UNION ALL
            SELECT 'OPERATOR', NULL, o.operator_id, o.username, o.name, 'OPERATOR', o.password_hash, o.active,
                   NULL, NULL, NULL, NULL, NULL
            FROM operator o
            WHERE o.username = $1""";
    static final String INSERT_OPERATOR_TOKEN = """
            INSERT INTO operator_token (token_hash, operator_id, created_at, expires_at) VALUES ($1, $2, $3, $4)""";
    static final String REVOKE_OPERATOR_TOKEN = """
            UPDATE operator_token SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL""";
    static final String INSERT_TOKEN = """
            INSERT INTO staff_token (facility_id, token_hash, staff_id, created_at, expires_at)
            VALUES ($1, $2, $3, $4, $5)""";
    static final String REVOKE_TOKEN = """
            UPDATE staff_token SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL""";
    /** A token is a staff member's or a device's: one query answers both. */
    static final String WHO_HAS_TOKEN = """
            SELECT 'STAFF' AS kind, s.facility_id, s.staff_id AS id, s.name, s.username, s.role, NULL AS device_kind,
                   f.code AS facility_code, f.name AS facility_name, f.time_zone, f.bpjs_provider_code,
                   f.booking_window_days
            FROM staff_token t
            JOIN staff s ON s.facility_id = t.facility_id AND s.staff_id = t.staff_id
            JOIN facility f ON f.facility_id = t.facility_id
            WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > $2 AND s.active
            UNION ALL
            SELECT 'DEVICE', d.facility_id, d.device_id, d.name, NULL, NULL, d.kind,
                   f.code, f.name, f.time_zone, f.bpjs_provider_code, f.booking_window_days
            FROM device d JOIN facility f ON f.facility_id = d.facility_id
            WHERE d.token_hash = $1 AND d.revoked_at IS NULL
            UNION ALL
            SELECT 'OPERATOR', NULL, o.operator_id, o.name, o.username, 'OPERATOR', NULL,
                   NULL, NULL, NULL, NULL, NULL
            FROM operator_token t JOIN operator o ON o.operator_id = t.operator_id
            WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > $2 AND o.active""";

    /** A token handed out at login. */
    public record Login(String token, Instant expiresAt, Principal principal) {
    }

    private final Pool pool;
    private final PasswordPool passwords;
    private final LoginThrottle throttle;
    private final Duration tokenLifetime;
    private final Clock clock;

    public AuthService(Pool pool, PasswordPool passwords, LoginThrottle throttle, Duration tokenLifetime, Clock clock) {
        this.pool = pool;
        this.passwords = passwords;
        this.throttle = throttle;
        this.tokenLifetime = tokenLifetime;
        this.clock = clock;
    }

    /**
     * A token for the right username and password; LOGIN_FAILED for anything else, RATE_LIMITED when this username
     * or the client's address has failed too often lately (refused before the password is even looked at).
     *
     * @param admitted run when the attempt gets past the failure limits, before the check (it may throw a
     *                 {@link Problem} to refuse it: the per-address limit of all attempts)
     */
    public Future<Login> login(String username, String password, String clientAddress, Runnable admitted) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return throttle.attempt(name, clientAddress, () -> {
            admitted.run();
            return check(name, password);
        }, e -> e instanceof Problem p && p.code() == ErrorCode.LOGIN_FAILED);
    }

    private Future<Login> check(String name, String password) {
        return pool.preparedQuery(ACCOUNT_BY_USERNAME).execute(Tuple.of(name)).compose(rows -> {
            Row row = rows.size() == 0 ? null : rows.iterator().next();
            String hash = row == null ? passwords.decoyHash() : row.getString("password_hash");
            return passwords.matches(hash, password).compose(matches -> {
                if (row == null || !matches || !row.getBoolean("active")) {
                    return Future.failedFuture(Problem.of(ErrorCode.LOGIN_FAILED));
                }
                Principal principal = account(row);
                String token = Tokens.newToken();
                Instant now = clock.instant();
                Instant expires = now.plus(tokenLifetime);
                Tuple values = principal.kind() == Principal.Kind.OPERATOR
                        ? Tuple.of(Tokens.hash(token), principal.id(), now.atOffset(ZoneOffset.UTC),
                                expires.atOffset(ZoneOffset.UTC))
                        : Tuple.of(principal.facilityId(), Tokens.hash(token), principal.id(),
                                now.atOffset(ZoneOffset.UTC), expires.atOffset(ZoneOffset.UTC));
                return pool.preparedQuery(principal.kind() == Principal.Kind.OPERATOR ? INSERT_OPERATOR_TOKEN
                                : INSERT_TOKEN)
                        .execute(values)
                        .map(done -> new Login(token, expires, principal));
            });
        });
    }

    public Future<Void> logout(String token) {
        Tuple revoke = Tuple.of(Tokens.hash(token), clock.instant().atOffset(ZoneOffset.UTC));
        return pool.preparedQuery(REVOKE_TOKEN).execute(revoke)
                .compose(done -> pool.preparedQuery(REVOKE_OPERATOR_TOKEN).execute(revoke))
                .mapEmpty();
    }

    /** Who holds this bearer token; empty when nobody (unknown, expired or revoked). */
    public Future<Optional<Principal>> authenticate(String token) {
        return pool.preparedQuery(WHO_HAS_TOKEN)
                .execute(Tuple.of(Tokens.hash(token), clock.instant().atOffset(ZoneOffset.UTC)))
                .map(AuthService::principal);
    }

    private static Optional<Principal> principal(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Optional.empty();
        }
        Row first = rows.iterator().next();
        if (!"DEVICE".equals(first.getString("kind"))) {
            return Optional.of(account(first));
        }
        Set<String> kinds = new HashSet<>();
        for (Row row : rows) {
            if (!row.getLong("facility_id").equals(first.getLong("facility_id"))) {
                return Optional.empty();
            }
            kinds.add(row.getString("device_kind"));
        }
        return Optional.of(new Principal(Principal.Kind.DEVICE, first.getLong("id"), first.getString("name"), null,
                null, Set.copyOf(kinds), facility(first)));
    }

    private static Principal account(Row row) {
        if ("OPERATOR".equals(row.getString("kind"))) {
            return Principal.operator(row.getLong("id"), row.getString("name"), row.getString("username"));
        }
        return new Principal(Principal.Kind.STAFF, row.getLong("id"), row.getString("name"), row.getString("username"),
                row.getString("role"), Set.of(), facility(row));
    }

    /** The token's facility, whole, from the same row: the request's facility needs no second query. */
    private static Facility facility(Row row) {
        return new Facility(row.getLong("facility_id"), row.getString("facility_code"), row.getString("facility_name"),
                ZoneId.of(row.getString("time_zone")), row.getString("bpjs_provider_code"),
                row.getInteger("booking_window_days"));
    }
}
