package id.antrean.profile;

import id.antrean.auth.AccessGuard;
import id.antrean.facility.FacilityContext;
import id.antrean.web.Responses;
import id.antrean.web.Revisions;
import id.antrean.web.Routes;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/**
 * HTTP edge of facilities and their profiles: {@code POST /api/v1/facilities} (operators), {@code GET/PUT
 * …/profile} (the facility's admin or an operator, with ETag / If-Match), {@code GET …/profile/logo}.
 */
public final class ProfileHandlers implements Routes {
    private final FacilityProfiles profiles;

    public ProfileHandlers(Pool pool, Clock clock) {
        this.profiles = new FacilityProfiles(pool, clock);
    }

    public void createFacility(RoutingContext rc) {
        NewFacility facility = NewFacility.fromJson(rc.body().asJsonObject());
        Responses.json(rc, 201, profiles.create(facility, AccessGuard.principal(rc).actor()).map(created -> {
            rc.response().putHeader("Location", "/api/v1/facilities/" + created.code() + "/profile");
            return tagged(rc, created);
        }));
    }

    public void getProfile(RoutingContext rc) {
        Responses.json(rc, FacilityContext.of(rc).compose(profiles::read).map(p -> tagged(rc, p)));
    }

    public void putProfile(RoutingContext rc) {
        long expected = Revisions.expected(rc);
        ProfileEdit edit = ProfileEdit.fromJson(rc.body().asJsonObject());
        Responses.json(rc, FacilityContext.of(rc)
                .compose(f -> profiles.update(f, expected, edit, AccessGuard.principal(rc).actor()))
                .map(p -> tagged(rc, p)));
    }

    /** The logo's bytes, for tickets, letterheads and the kiosk; revalidated (ETag) rather than cached blindly. */
    public void getLogo(RoutingContext rc) {
        FacilityContext.of(rc).compose(profiles::logo).onComplete(ar -> {
            if (ar.failed()) {
                rc.fail(ar.cause());
                return;
            }
            Revisions.tag(rc, ar.result().version());
            rc.response().putHeader("Content-Type", ar.result().contentType())
                    .putHeader("Cache-Control", "private, no-cache")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .end(ar.result().bytes());
        });
    }

    /** The profile as JSON, its version as the response's ETag (what a later PUT sends back in If-Match). */
    private static JsonObject tagged(RoutingContext rc, FacilityProfile profile) {
        Revisions.tag(rc, profile.version());
        return profile.toJson();
    }

    @Override
    public void mount(RouterBuilder contract) {
        contract.getRoute("createFacility").addHandler(this::createFacility);
        contract.getRoute("getFacilityProfile").addHandler(this::getProfile);
        contract.getRoute("putFacilityProfile").addHandler(this::putProfile);
        contract.getRoute("getFacilityLogo").addHandler(this::getLogo);
    }
}
