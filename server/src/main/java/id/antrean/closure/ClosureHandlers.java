package id.antrean.closure;

import id.antrean.auth.AccessGuard;
import id.antrean.facility.FacilityContext;
import id.antrean.web.ErrorCode;
import id.antrean.web.PathIds;
import id.antrean.web.Problem;
import id.antrean.web.Responses;
import id.antrean.web.Revisions;
import id.antrean.web.Routes;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** HTTP edge of closures: {@code …/closures} (ADMIN of the facility). */
public final class ClosureHandlers implements Routes {
    private final Closures closures;

    public ClosureHandlers(Closures closures) {
        this.closures = closures;
    }

    public void list(RoutingContext rc) {
        Responses.json(rc, FacilityContext.of(rc).compose(closures::upcoming)
                .map(list -> new JsonObject().put("closures", list)));
    }

    public void one(RoutingContext rc) {
        long id = PathIds.id(rc, "closure");
        Responses.json(rc, FacilityContext.of(rc).compose(f -> closures.one(f, id)).map(closure -> {
            Revisions.tag(rc, closure.getLong("version"));
            return closure;
        }));
    }

    public void close(RoutingContext rc) {
        JsonObject body = rc.body().asJsonObject();
        LocalDate day = date(body.getString("date"));
        String reason = body.getString("reason").strip();
        if (reason.isEmpty()) {
            throw Problem.ofField(ErrorCode.INVALID_FIELD, "reason", "reason");
        }
        Responses.json(rc, 201, FacilityContext.of(rc).compose(f ->
                closures.close(f, day, body.getString("service"), reason, AccessGuard.principal(rc).actor())));
    }

    public void reopen(RoutingContext rc) {
        long id = PathIds.id(rc, "closure");
        long expected = Revisions.expected(rc);
        FacilityContext.of(rc).compose(f -> closures.reopen(f, id, expected, AccessGuard.principal(rc).actor()))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        rc.fail(ar.cause());
                    } else {
                        rc.response().setStatusCode(204).end();
                    }
                });
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw Problem.ofField(ErrorCode.INVALID_FIELD, "date", "date");
        }
    }

    @Override
    public void mount(RouterBuilder contract) {
        contract.getRoute("listClosures").addHandler(this::list);
        contract.getRoute("addClosure").addHandler(this::close);
        contract.getRoute("getClosure").addHandler(this::one);
        contract.getRoute("removeClosure").addHandler(this::reopen);
    }
}
