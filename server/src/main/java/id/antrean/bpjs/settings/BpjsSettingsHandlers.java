package id.antrean.bpjs.settings;

import id.antrean.auth.AccessGuard;
import id.antrean.facility.FacilityContext;
import id.antrean.web.Responses;
import id.antrean.web.Revisions;
import id.antrean.web.Routes;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/**
 * HTTP edge of {@code GET/PUT /api/v1/facilities/{facility}/bpjs-settings}: the facility's admin or an operator,
 * with ETag / If-Match like the profile.
 */
public final class BpjsSettingsHandlers implements Routes {
    private final BpjsSettingsStore settings;

    public BpjsSettingsHandlers(BpjsSettingsStore settings) {
        this.settings = settings;
    }

    public void get(RoutingContext rc) {
        Responses.json(rc, FacilityContext.of(rc).compose(settings::read).map(s -> tagged(rc, s)));
    }

    public void put(RoutingContext rc) {
        long expected = Revisions.expected(rc);
        BpjsSettings edit = BpjsSettings.edit(rc.body().asJsonObject());
        Responses.json(rc, FacilityContext.of(rc)
                .compose(f -> settings.update(f, expected, edit, AccessGuard.principal(rc).actor()))
                .map(s -> tagged(rc, s)));
    }

    private static JsonObject tagged(RoutingContext rc, BpjsSettings s) {
        Revisions.tag(rc, s.version());
        return s.toJson();
    }

    @Override
    public void mount(RouterBuilder contract) {
        contract.getRoute("getBpjsSettings").addHandler(this::get);
        contract.getRoute("putBpjsSettings").addHandler(this::put);
    }
}
