package id.antrean.mobilejkn;

import id.antrean.auth.AccessGuard;
import id.antrean.auth.LoginThrottle;
import id.antrean.auth.PasswordPool;
import id.antrean.facility.Facility;
import id.antrean.facility.FacilityContext;
import id.antrean.facility.FacilityDirectory;
import id.antrean.booking.BookingRefused;
import id.antrean.booking.OnlineBookings;
import id.antrean.booking.Polis;
import id.antrean.web.DatabaseOutage;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import id.antrean.web.RateLimiter;
import id.antrean.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BPJS's FKTP online-queue web service (Mobile JKN → the facility), served under
 * {@code /mobilejkn/{facility}}: the facility registers {@code https://<host>/mobilejkn/<code>} with BPJS.
 * Everything under it answers in the contract's envelope — refusals, malformed or oversize bodies, unknown
 * paths, an unreachable database — never with {@code problem+json} and never with a 500. Requests are
 * rate-limited per client address ({@code MOBILEJKN_RATE_LIMIT} a minute), and {@code /auth}'s wrong passwords per
 * username and per address ({@link LoginThrottle}), each answered with Retry-After and the contract's "too many
 * requests".
 *
 * <p>Also the staff API's {@code PUT /api/v1/facilities/{facility}/mobilejkn-account}, with which an admin sets
 * the facility's Mobile JKN credentials.
 */
public final class MobileJkn implements Routes {
    /** Where the sub-router is mounted. */
    public static final String MOUNT = "/mobilejkn/*";
    static final String PREFIX = "/mobilejkn/";
    /** Mobile JKN's bodies are a few hundred bytes; a /peserta with long addresses stays far below this. */
    static final int BODY_LIMIT_BYTES = 16 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(MobileJkn.class);

    /** A call of the contract once its facility is known (and, but for /auth, its token checked). */
    private interface Endpoint {
        Future<JsonObject> handle(RoutingContext rc, Facility facility);
    }

    private final FacilityDirectory directory;
    private final MobileJknAccounts accounts;
    private final QueueEndpoints queue;
    private final PatientEndpoint patients;
    private final RateLimiter limiter;

    public MobileJkn(Pool pool, FacilityDirectory directory, Polis polis, OnlineBookings bookings, PasswordPool passwords,
                     RateLimiter limiter, LoginThrottle logins, Clock clock) {
        this.directory = directory;
        this.accounts = new MobileJknAccounts(pool, passwords, logins, clock);
        this.queue = new QueueEndpoints(polis, bookings, clock);
        this.patients = new PatientEndpoint(new Patients(pool, clock), clock);
        this.limiter = limiter;
    }

    /** Whether a path belongs to this service (the API's own body handler leaves these to ours). */
    public static boolean serves(String path) {
        return path != null && path.startsWith(PREFIX);
    }

    /** The sub-router for {@link #MOUNT}; one per HTTP server instance. */
    public Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        // Throttled before a body is even read.
        router.route().handler(this::throttle);
        router.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
        router.get("/:facility/auth").handler(rc -> answer(rc, facility(rc).compose(f -> accounts.login(f,
                rc.request().getHeader("x-username"), rc.request().getHeader("x-password"), clientAddress(rc))
                .map(token -> Envelope.ok(new JsonObject().put("token", token))))));
        router.get("/:facility/antrean/status/:kodepoli/:tanggalperiksa").handler(withToken(queue::status));
        router.post("/:facility/antrean").handler(withToken(queue::book));
        router.get("/:facility/antrean/sisapeserta/:nomorkartu/:kodepoli/:tanggalperiksa")
                .handler(withToken(queue::remaining));
        router.put("/:facility/antrean/batal").handler(withToken(queue::cancel));
        router.post("/:facility/peserta").handler(withToken(patients::register));
        router.route().handler(rc -> Envelope.send(rc, Envelope.failure(Envelope.REFUSED, ContractMessages.UNKNOWN_ROUTE)));
        router.route().failureHandler(this::failed);
        return router;
    }

    /** Staff API: {@code PUT /api/v1/facilities/{facility}/mobilejkn-account {"username", "password"}} → 204. */
    public void setAccount(RoutingContext rc) {
        JsonObject body = rc.body().asJsonObject();
        FacilityContext.of(rc)
                .compose(f -> accounts.setAccount(f, body.getString("username"), body.getString("password"),
                        AccessGuard.principal(rc).actor()))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        rc.fail(ar.cause());
                    } else {
                        rc.response().setStatusCode(204).end();
                    }
                });
    }

    private static String clientAddress(RoutingContext rc) {
        return rc.request().remoteAddress() == null ? "?" : rc.request().remoteAddress().hostAddress();
    }

    private void throttle(RoutingContext rc) {
        try {
            limiter.hit(clientAddress(rc));
            rc.next();
        } catch (Problem p) {
            rc.response().putHeader("Retry-After", Integer.toString(p.retryAfterSeconds()));
            Envelope.send(rc, Envelope.failure(Envelope.REFUSED, ContractMessages.tooManyRequests(p.retryAfterSeconds())));
        }
    }

    /** The facility first (unknown → its own message), then the token, then the call. */
    private Handler<RoutingContext> withToken(Endpoint endpoint) {
        return rc -> answer(rc, facility(rc).compose(f -> accounts.verify(f, rc.request().getHeader("x-username"),
                        rc.request().getHeader("x-token"))
                .compose(v -> {
                    try {
                        return endpoint.handle(rc, f);
                    } catch (RuntimeException e) {
                        return Future.failedFuture(e);
                    }
                })));
    }

    /** Mobile JKN's own paths ({@code /mobilejkn/{facility}/…}) are outside the API's facility context. */
    private Future<Facility> facility(RoutingContext rc) {
        return directory.facility(rc.pathParam("facility"));
    }

    private static void answer(RoutingContext rc, Future<JsonObject> envelope) {
        envelope.onComplete(ar -> {
            if (ar.failed() && ar.cause() instanceof Problem p && p.retryAfterSeconds() > 0) {
                rc.response().putHeader("Retry-After", Integer.toString(p.retryAfterSeconds()));
            }
            Envelope.send(rc, ar.succeeded() ? ar.result() : toEnvelope(ar.cause()));
        });
    }

    private void failed(RoutingContext rc) {
        JsonObject envelope;
        if (rc.failure() != null) {
            envelope = toEnvelope(rc.failure());
        } else if (rc.statusCode() == 413) {
            envelope = Envelope.failure(Envelope.REFUSED, ContractMessages.BODY_TOO_LARGE);
        } else if (rc.statusCode() >= 400 && rc.statusCode() < 500) {
            envelope = Envelope.failure(Envelope.REFUSED, ContractMessages.INVALID_BODY);
        } else {
            LOG.error("Mobile JKN call failed with status {}", rc.statusCode());
            envelope = Envelope.failure(Envelope.REFUSED, ContractMessages.INTERNAL_ERROR);
        }
        Envelope.send(rc, envelope);
    }

    /** Every failure as the contract's envelope: refusals as worded, the rest as a clear 201. */
    static JsonObject toEnvelope(Throwable failure) {
        if (failure instanceof ContractRefusal refusal) {
            return Envelope.failure(refusal.code(), refusal.getMessage());
        }
        if (failure instanceof BookingRefused refused) {
            return toEnvelope(ContractMessages.refusal(refused));
        }
        if (failure instanceof Problem problem) {
            String message = switch (problem.code()) {
                case FACILITY_NOT_FOUND -> ContractMessages.FACILITY_NOT_FOUND;
                case INVALID_CARD_NUMBER -> ContractMessages.CARD_FORMAT;
                case INVALID_NIK -> ContractMessages.NIK_FORMAT;
                case DATABASE_UNAVAILABLE -> ContractMessages.UNAVAILABLE;
                case RATE_LIMITED -> ContractMessages.tooManyRequests(problem.retryAfterSeconds());
                default -> null;
            };
            if (message != null) {
                return Envelope.failure(Envelope.REFUSED, message);
            }
        }
        if (databaseUnavailable(failure)) {
            LOG.warn("Mobile JKN call without a database: {}", failure.toString());
            return Envelope.failure(Envelope.REFUSED, ContractMessages.UNAVAILABLE);
        }
        LOG.error("Mobile JKN call failed", failure);
        return Envelope.failure(Envelope.REFUSED, ContractMessages.INTERNAL_ERROR);
    }

    /** The staff API's rule, plus a DATABASE_UNAVAILABLE problem already raised underneath. */
    private static boolean databaseUnavailable(Throwable failure) {
        if (DatabaseOutage.isOutage(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Problem p && p.code() == ErrorCode.DATABASE_UNAVAILABLE) {
                return true;
            }
        }
        return false;
    }

    /** The contract's operations for BPJS's calls: documented in {@code antrean.yaml}, answered by {@link #router}. */
    static final List<String> DOCUMENTED = List.of("mobileJknAuth", "mobileJknStatus", "mobileJknBook",
            "mobileJknRemaining", "mobileJknCancel", "mobileJknRegister");

    @Override
    public void mount(RouterBuilder contract) {
        contract.getRoute("setMobileJknAccount").addHandler(this::setAccount);
        // BPJS's calls are in the contract to be documented, not validated: a problem+json for a missing header or a
        // body of the wrong shape would break their envelope. They pass on to the sub-router, which answers them.
        DOCUMENTED.forEach(id -> contract.getRoute(id).setDoValidation(false).addHandler(RoutingContext::next));
    }

    /** BPJS's online-queue contract: its own envelope, body limit and rate limit; no staff token. */
    @Override
    public void mount(Router router, Vertx vertx) {
        router.route(MOUNT).subRouter(router(vertx));
    }

    /** Its sub-router reads its bodies itself, with its own limit and answers. */
    @Override
    public Optional<Handler<RoutingContext>> bodyReader(String path) {
        return serves(path) ? Optional.of(RoutingContext::next) : Optional.empty();
    }
}
