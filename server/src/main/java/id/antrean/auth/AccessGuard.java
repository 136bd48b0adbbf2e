package id.antrean.auth;

import id.antrean.facility.FacilityContext;
import id.antrean.facility.FacilityDirectory;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import id.antrean.web.RateLimiter;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Runs before any API handler (and before request validation, so another facility's route answers 403
 * whatever the body): 401 without a valid token, 403 for another facility's identity or a missing permission.
 * The caller's {@link Principal} is then in the context under {@link #PRINCIPAL}.
 *
 * <p>Devices are also held to a pace ({@code DEVICE_RATE_LIMIT} requests a minute per device token, 429 with
 * {@code Retry-After} beyond it): a kiosk's token must not be able to make hundreds of eligibility lookups a second
 * (each a PCare call under the facility's credentials) or issue numbers without end. A display's event stream is
 * counted apart, so its reconnects never spend a kiosk's budget nor the other way round. Staff are not throttled.
 */
public final class AccessGuard implements Handler<RoutingContext> {
    public static final String PRINCIPAL = "antrean.principal";
    private static final Pattern EVENT_STREAM = Pattern.compile("^/api/v1/facilities/[^/]+/events$");
    private final AuthService auth;
    private final RateLimiter devices;
    private final FacilityDirectory directory;

    public AccessGuard(AuthService auth, RateLimiter devices, FacilityDirectory directory) {
        this.auth = auth;
        this.devices = devices;
        this.directory = directory;
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
                return;
            }
            if (principal.kind() == Principal.Kind.DEVICE) {
                try {
                    devices.hit(deviceKey(rc, token));
                } catch (Problem limited) {
                    rc.fail(limited);
                    return;
                }
            }
            if (principal.kind() == Principal.Kind.OPERATOR && need.facility() != null) {
                // An operator may act in every facility: the one of the route, which must exist (404 otherwise).
                directory.facility(need.facility()).onComplete(found -> {
                    if (found.failed()) {
                        rc.fail(found.cause());
                    } else {
                        admit(rc, principal.in(found.result()));
                    }
                });
            } else if (need.facility() != null && (principal.facility() == null
                    || !principal.facilityCode().equals(need.facility().toLowerCase(Locale.ROOT)))) {
                rc.fail(Problem.of(ErrorCode.FACILITY_FORBIDDEN));
            } else if (need.permission() != null && !principal.may(need.permission())) {
                rc.fail(Problem.of(ErrorCode.ROLE_FORBIDDEN));
            } else {
                admit(rc, principal);
            }
        });
    }

    private static void admit(RoutingContext rc, Principal principal) {
        rc.put(PRINCIPAL, principal);
        if (principal.facility() != null) {
            FacilityContext.known(rc, principal.facility());
        }
        rc.next();
    }

    /** Per device token (a demo token may stand for a kiosk and a display: one budget), the event stream apart. */
    private static String deviceKey(RoutingContext rc, String token) {
        boolean stream = rc.request().method() == HttpMethod.GET && EVENT_STREAM.matcher(rc.normalizedPath()).matches();
        return (stream ? "events:" : "calls:") + Tokens.hash(token);
    }
}
