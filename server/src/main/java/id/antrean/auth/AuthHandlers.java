package id.antrean.auth;

import id.antrean.facility.FacilityContext;
import id.antrean.facility.Facility;
import id.antrean.web.ErrorCode;
import id.antrean.web.PathIds;
import id.antrean.web.Problem;
import id.antrean.web.RateLimiter;
import id.antrean.web.Responses;
import id.antrean.web.Routes;
import id.antrean.web.TypedName;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** HTTP edge of authentication: tokens, who-am-I, devices and the audit log. */
public final class AuthHandlers implements Routes {
    private final AuthService auth;
    private final Devices devices;
    private final RateLimiter logins;
    private final Pool pool;
    private final Clock clock;

    public AuthHandlers(AuthService auth, Devices devices, RateLimiter logins, Pool pool,
                        Clock clock) {
        this.auth = auth;
        this.devices = devices;
        this.logins = logins;
        this.pool = pool;
        this.clock = clock;
    }

    /**
     * {@code POST /api/v1/auth/token {"username", "password"}}: a bearer token for the console or a program.
     * {@code LOGIN_RATE_LIMIT} counts the attempts that get past the failed-login limits: an attacker's refused
     * retries on one account do not use up the allowance of the colleagues behind the same address.
     */
    public void token(RoutingContext rc) {
        String address = rc.request().remoteAddress() == null ? "?" : rc.request().remoteAddress().hostAddress();
        JsonObject body = rc.body().asJsonObject();
        Responses.secret(rc, 200, auth.login(body.getString("username"), body.getString("password"), address,
                () -> logins.hit(address)).map(login ->
                login.principal().toJson()
                        .put("token", login.token())
                        .put("expiresAt", login.expiresAt().atZone(login.principal().zone())
                                .toOffsetDateTime().toString())));
    }

    public void me(RoutingContext rc) {
        Responses.json(rc, Future.succeededFuture(AccessGuard.principal(rc).toJson()));
    }

    public void logout(RoutingContext rc) {
        auth.logout(AccessGuard.bearer(rc)).onComplete(ar -> {
            if (ar.failed()) {
                rc.fail(ar.cause());
            } else {
                rc.response().setStatusCode(204).end();
            }
        });
    }

    public void listDevices(RoutingContext rc) {
        Responses.json(rc, facility(rc).compose(devices::list).map(list -> new JsonObject().put("devices", list)));
    }

    public void issueDevice(RoutingContext rc) {
        JsonObject body = rc.body().asJsonObject();
        // The contract holds the same rule; checked here too because the name goes into an audit line.
        String name = TypedName.require(body.getString("name"), "name");
        Responses.secret(rc, 201, facility(rc).compose(f -> devices.issue(f, name, body.getString("kind"), actor(rc))));
    }

    public void revokeDevice(RoutingContext rc) {
        long device = PathIds.id(rc, "device");
        Responses.json(rc, facility(rc).compose(f -> devices.revoke(f, device, actor(rc))));
    }

    /** {@code GET …/audit?date=yyyy-mm-dd}: the day's actions, in the facility's local day. */
    public void audit(RoutingContext rc) {
        Responses.json(rc, facility(rc).compose(f -> {
            LocalDate day = date(rc.queryParams().get("date"), f);
            return AuditLog.between(pool, f.id(), day.atStartOfDay(f.zone()).toInstant(),
                            day.plusDays(1).atStartOfDay(f.zone()).toInstant(), f.zone())
                    .map(entries -> new JsonObject().put("date", day.toString()).put("entries", entries));
        }));
    }

    private LocalDate date(String value, Facility facility) {
        if (value == null || value.isBlank()) {
            return facility.today(clock);
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Problem.ofField(ErrorCode.INVALID_FIELD, "date", "date");
        }
    }

    private Future<Facility> facility(RoutingContext rc) {
        return FacilityContext.of(rc);
    }

    private static Actor actor(RoutingContext rc) {
        return AccessGuard.principal(rc).actor();
    }

    @Override
    public void mount(RouterBuilder contract) {
        contract.getRoute("loginToken").addHandler(this::token);
        contract.getRoute("whoAmI").addHandler(this::me);
        contract.getRoute("logout").addHandler(this::logout);
        contract.getRoute("listDevices").addHandler(this::listDevices);
        contract.getRoute("issueDevice").addHandler(this::issueDevice);
        contract.getRoute("revokeDevice").addHandler(this::revokeDevice);
        contract.getRoute("auditLog").addHandler(this::audit);
    }
}
