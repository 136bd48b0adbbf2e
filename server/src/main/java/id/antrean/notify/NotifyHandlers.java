package id.antrean.notify;

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

/**
 * {@code GET/PUT /api/v1/facilities/{facility}/notify-settings} (ADMIN: not in AccessRules, denied to everyone else;
 * no-store, it describes a gateway's access), {@code GET …/notify} (whether the kiosk and the desk offer it) and
 * {@code POST …/tickets/{ticket}/notify} (a kiosk or staff leaves the patient's number).
 */
public final class NotifyHandlers implements Routes {
    private final NotifySettingsStore settings;
    private final PhoneRegistry phones;

    public NotifyHandlers(NotifySettingsStore settings, PhoneRegistry phones) {
        this.settings = settings;
        this.phones = phones;
    }

    @Override
    public void mount(RouterBuilder contract) {
        contract.getRoute("getNotifySettings").addHandler(this::get);
        contract.getRoute("putNotifySettings").addHandler(this::put);
        contract.getRoute("getNotifyOffer").addHandler(this::offer);
        contract.getRoute("registerNotifyPhone").addHandler(this::register);
    }

    void get(RoutingContext rc) {
        Responses.secret(rc, 200, FacilityContext.of(rc).compose(f -> settings.read(f.id())).map(s -> tagged(rc, s)));
    }

    void put(RoutingContext rc) {
        NotifySettings edit = NotifySettings.edit(rc.body().asJsonObject());
        Long expected = rc.request().getHeader("If-Match") == null ? null : Revisions.expected(rc);
        Responses.secret(rc, 200, FacilityContext.of(rc)
                .compose(f -> settings.update(f, expected, edit, AccessGuard.principal(rc).actor()))
                .map(s -> tagged(rc, s)));
    }

    /** What a kiosk or the desk needs to offer the step: on or off, and after how many people. */
    void offer(RoutingContext rc) {
        Responses.json(rc, FacilityContext.of(rc).compose(f -> settings.read(f.id()))
                .map(s -> new JsonObject().put("enabled", s.enabled()).put("threshold", s.threshold())));
    }

    void register(RoutingContext rc) {
        long ticket = PathIds.id(rc, "ticket");
        JsonObject body = rc.body().asJsonObject();
        if (body == null) {
            throw Problem.of(ErrorCode.BODY_REQUIRED);
        }
        String phone = PhoneNumber.normalize(body.getValue("phone"));
        // no-store: the answer is about a patient's number, even though it never repeats it.
        Responses.secret(rc, 200, FacilityContext.of(rc)
                .compose(f -> phones.register(f, ticket, phone, AccessGuard.principal(rc).actor())));
    }

    private JsonObject tagged(RoutingContext rc, NotifySettings s) {
        if (s.version() > 0) {
            Revisions.tag(rc, s.version());
        }
        return s.toJson(settings.hasServerDefault());
    }
}
