package id.antrean.bpjs.credentials;

import id.antrean.auth.AccessGuard;
import id.antrean.auth.Actor;
import id.antrean.bpjs.BpjsCallFailed;
import id.antrean.bpjs.BpjsConfig;
import id.antrean.bpjs.PcareReferences;
import id.antrean.facility.FacilityContext;
import id.antrean.web.ErrorCode;
import id.antrean.web.Messages;
import id.antrean.web.Problem;
import id.antrean.web.Responses;
import id.antrean.web.Revisions;
import id.antrean.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.time.Clock;
import java.util.function.Function;

/**
 * {@code /api/v1/facilities/{facility}/bpjs-credentials} (GET, PUT, DELETE, POST …/test) and the facility's PCare
 * reference lists {@code …/bpjs/poli} and {@code …/bpjs/doctors}; ADMIN only (not in AccessRules: denied by
 * default to everyone else). Every answer here is no-store: it describes credentials.
 */
public final class CredentialsHandlers implements Routes {
    private final CredentialsAdmin admin;
    private final FacilityBpjs resolver;
    private final PcareReferences references;
    private final Clock clock;

    public CredentialsHandlers(CredentialsAdmin admin, FacilityBpjs resolver, PcareReferences references, Clock clock) {
        this.admin = admin;
        this.resolver = resolver;
        this.references = references;
        this.clock = clock;
    }

    @Override
    public void mount(RouterBuilder contract) {
        contract.getRoute("getBpjsCredentials").addHandler(this::get);
        contract.getRoute("putBpjsCredentials").addHandler(this::put);
        contract.getRoute("deleteBpjsCredentials").addHandler(this::delete);
        contract.getRoute("testBpjsCredentials").addHandler(this::test);
        contract.getRoute("listBpjsPoli").addHandler(rc -> reference(rc, references::poli, "poli"));
        contract.getRoute("listBpjsDoctors").addHandler(rc -> reference(rc, references::doctors, "doctors"));
    }

    void get(RoutingContext rc) {
        answer(rc, FacilityContext.of(rc).compose(admin::view));
    }

    void put(RoutingContext rc) {
        BpjsCredentials values = BpjsCredentials.fromBody(rc.body().asJsonObject());
        if (values.get("pcarePassword") != null && values.get("pcareUsername") == null) {
            throw Problem.ofField(ErrorCode.BPJS_PCARE_USERNAME_REQUIRED, "pcareUsername");
        }
        Long expected = rc.request().getHeader("If-Match") == null ? null : Revisions.expected(rc);
        answer(rc, FacilityContext.of(rc).compose(f -> admin.put(f, values, expected, actor(rc))));
    }

    void delete(RoutingContext rc) {
        long expected = Revisions.expected(rc);
        answer(rc, FacilityContext.of(rc).compose(f -> admin.delete(f, expected, actor(rc))));
    }

    /**
     * Calls PCare with the credentials the facility's calls use now and says how it went, in plain words: always
     * 200 when the question could be asked, since "BPJS refused" is the answer, not an error of this request.
     */
    void test(RoutingContext rc) {
        Responses.secret(rc, 200, FacilityContext.of(rc).compose(f -> admin.view(f).compose(view -> {
            String source = view.json().getString("source");
            return resolver.of(f.id())
                    .compose(config -> config == null
                            ? Future.succeededFuture(resolver.server() == null ? "not-configured" : "no-credentials")
                            : references.probe(config).map("ok"))
                    .recover(e -> e instanceof CredentialsUnreadable || e instanceof BpjsCallFailed
                            ? Future.succeededFuture(outcome(e)) : Future.failedFuture(e))
                    .map(outcome -> new JsonObject()
                            .put("outcome", outcome)
                            .put("source", source)
                            .put("message", Messages.text("bpjs.test." + outcome).toJson())
                            .put("checkedAt", f.local(clock.instant()).toString()));
        })));
    }

    private static String outcome(Throwable failure) {
        if (failure instanceof CredentialsUnreadable) {
            return "decrypt-failed";
        }
        return switch (((BpjsCallFailed) failure).kind()) {
            case UNAUTHORIZED -> "unauthorized";
            case UNREACHABLE -> "unreachable";
            case REFUSED -> "refused";
            case INVALID_REPLY -> "invalid-reply";
        };
    }

    private void reference(RoutingContext rc, Function<BpjsConfig, Future<JsonArray>> list,
                           String member) {
        Responses.json(rc, FacilityContext.of(rc).compose(f -> resolver.of(f.id()).compose(config -> {
            if (config == null) {
                throw Problem.of(resolver.server() == null ? ErrorCode.BPJS_NOT_CONFIGURED : ErrorCode.BPJS_NO_CREDENTIALS);
            }
            return list.apply(config).map(items -> new JsonObject().put(member, items));
        })).recover(e -> Future.failedFuture(problem(e))));
    }

    /** A BPJS failure as a problem an admin can act on; anything else as it was. */
    private static Throwable problem(Throwable failure) {
        if (failure instanceof CredentialsUnreadable) {
            return Problem.of(ErrorCode.BPJS_CREDENTIALS_UNREADABLE);
        }
        if (!(failure instanceof BpjsCallFailed call)) {
            return failure;
        }
        return switch (call.kind()) {
            case UNAUTHORIZED -> Problem.withDetail(ErrorCode.BPJS_UNAUTHORIZED, call.getMessage());
            case UNREACHABLE -> Problem.of(ErrorCode.BPJS_UNREACHABLE);
            case REFUSED, INVALID_REPLY -> Problem.withDetail(ErrorCode.BPJS_REFUSED, call.getMessage());
        };
    }

    private static void answer(RoutingContext rc, Future<CredentialsAdmin.View> view) {
        Responses.secret(rc, 200, view.map(v -> {
            if (v.version() != null) {
                Revisions.tag(rc, v.version());
            }
            return v.json();
        }));
    }

    private static Actor actor(RoutingContext rc) {
        return AccessGuard.principal(rc).actor();
    }
}
