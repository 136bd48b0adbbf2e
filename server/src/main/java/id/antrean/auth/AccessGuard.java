package id.antrean.auth;

import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * Runs before any API handler (and before request validation, so another facility's route answers 403
 * whatever the body): 401 without a valid token, 403 for another facility's identity or a missing permission.
 * The caller's {@link Principal} is then in the context under {@link #PRINCIPAL}.
 */
public final class AccessGuard implements Handler<RoutingContext> {
    public static final String PRINCIPAL = "antrean.principal";
    private final AuthService auth;

    public AccessGuard(AuthService auth) {
        this.auth = auth;
    }

    public static Principal principal(RoutingContext rc) {
        return rc.get(PRINCIPAL);
    }

    public static String bearer(RoutingContext rc) {
        String header = rc.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() || token.length() > 200 ? null : token;
    }

    @Override
    public void handle(RoutingContext rc) {
        AccessRules.Need need = AccessRules.need(rc.request().method(), rc.normalizedPath());
        if (!need.token()) {
            rc.next();
            return;
        }
        String token = bearer(rc);
        if (token == null) {
            rc.fail(Problem.of(ErrorCode.AUTH_REQUIRED));
            return;
        }
        auth.authenticate(token).onComplete(ar -> {
            if (ar.failed()) {
                rc.fail(ar.cause());
                return;
            }
            Principal principal = ar.result().orElse(null);
            if (principal == null) {
                rc.fail(Problem.of(ErrorCode.AUTH_INVALID));
            } else if (need.facility() != null
                    && !principal.facilityCode().equals(need.facility().toLowerCase(Locale.ROOT))) {
                rc.fail(Problem.of(ErrorCode.FACILITY_FORBIDDEN));
            } else if (need.permission() != null && !principal.may(need.permission())) {
                rc.fail(Problem.of(ErrorCode.ROLE_FORBIDDEN));
            } else {
                rc.put(PRINCIPAL, principal);
                rc.next();
            }
        });
    }
}
