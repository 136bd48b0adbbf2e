package id.antrean.catalog;

import id.antrean.auth.AccessGuard;
import id.antrean.auth.Actor;
import id.antrean.facility.FacilityContext;
import id.antrean.facility.FacilityDirectory;
import id.antrean.web.Responses;
import id.antrean.web.Revisions;
import id.antrean.web.Routes;
import id.antrean.web.TypedName;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.List;
import java.util.Locale;

/**
 * HTTP edge of a facility's services and counters set-up (ADMIN of that facility, by the access rules' default).
 * The contract has checked each body's shape; the rules across fields and rows are the settings classes'.
 */
public final class CatalogHandlers implements Routes {
    private final ServiceSettings services;
    private final CounterSettings counters;
    private final SpokenNames spokenNames;

    public CatalogHandlers(ServiceSettings services, CounterSettings counters, SpokenNames spokenNames) {
        this.services = services;
        this.counters = counters;
        this.spokenNames = spokenNames;
    }

    public void createService(RoutingContext rc) {
        JsonObject body = rc.body().asJsonObject();
        String code = FacilityDirectory.normalizeCode(body.getString("code"));
        ServiceSettings.Fields fields = serviceFields(body);
        tagged(rc, 201, FacilityContext.of(rc).compose(f -> services.create(f, code, fields, actor(rc))));
    }

    public void getService(RoutingContext rc) {
        String code = rc.pathParam("service");
        tagged(rc, 200, FacilityContext.of(rc).compose(f -> services.view(f, code)));
    }

    public void updateService(RoutingContext rc) {
        long expected = Revisions.expected(rc);
        ServiceSettings.Fields fields = serviceFields(rc.body().asJsonObject());
        String code = rc.pathParam("service");
        tagged(rc, 200, FacilityContext.of(rc).compose(f -> services.update(f, code, expected, fields, actor(rc))));
    }

    public void deleteService(RoutingContext rc) {
        long expected = Revisions.expected(rc);
        String code = rc.pathParam("service");
        removed(rc, FacilityContext.of(rc).compose(f -> services.remove(f, code, expected, actor(rc)))
                .map(ServiceSettings.Removal::retired));
    }

    public void setServiceSchedule(RoutingContext rc) {
        long expected = Revisions.expected(rc);
        WeekSchedule week = WeekSchedule.from(rc.body().asJsonObject());
        String code = rc.pathParam("service");
        tagged(rc, 200, FacilityContext.of(rc).compose(f -> services.setSchedule(f, code, expected, week, actor(rc))));
    }

    public void createCounter(RoutingContext rc) {
        JsonObject body = rc.body().asJsonObject();
        String code = FacilityDirectory.normalizeCode(body.getString("code"));
        CounterSettings.Fields fields = counterFields(body);
        tagged(rc, 201, FacilityContext.of(rc).compose(f -> counters.create(f, code, fields, actor(rc))));
    }

    public void getCounter(RoutingContext rc) {
        String code = rc.pathParam("counter");
        tagged(rc, 200, FacilityContext.of(rc).compose(f -> counters.view(f, code)));
    }

    public void updateCounter(RoutingContext rc) {
        long expected = Revisions.expected(rc);
        CounterSettings.Fields fields = counterFields(rc.body().asJsonObject());
        String code = rc.pathParam("counter");
        tagged(rc, 200, FacilityContext.of(rc).compose(f -> counters.update(f, code, expected, fields, actor(rc))));
    }

    public void deleteCounter(RoutingContext rc) {
        long expected = Revisions.expected(rc);
        String code = rc.pathParam("counter");
        removed(rc, FacilityContext.of(rc).compose(f -> counters.remove(f, code, expected, actor(rc))));
    }

    private static ServiceSettings.Fields serviceFields(JsonObject body) {
        String bpjsCode = body.getString("bpjsCode");
        return new ServiceSettings.Fields(
                TypedName.require(body.getString("name"), "name"),
                body.getString("prefix").toUpperCase(Locale.ROOT),
                bpjsCode == null ? null : bpjsCode.toUpperCase(Locale.ROOT),
                body.getBoolean("kioskVisible", true),
                body.getBoolean("open", true),
                body.getInteger("sortOrder", 0),
                // Absent or null: not set (the wait estimate then needs history of its own).
                body.getInteger("typicalServiceMinutes"),
                // Absent, null or blank: not set (the kiosk in English shows the Indonesian name).
                nameEn(body.getString("nameEn")),
                // BPJS's poli code 002 is Poli Gigi: dental unless the admin says otherwise.
                body.getBoolean("dental", "002".equals(bpjsCode == null ? null : bpjsCode.strip())));
    }

    private static String nameEn(String typed) {
        return typed == null || typed.isBlank() ? null : TypedName.require(typed, "nameEn");
    }

    private CounterSettings.Fields counterFields(JsonObject body) {
        String spoken = body.getString("spokenName");
        List<String> codes = body.getJsonArray("services", new JsonArray()).stream()
                .map(c -> FacilityDirectory.normalizeCode((String) c)).distinct().toList();
        return new CounterSettings.Fields(
                TypedName.require(body.getString("name"), "name"),
                spoken == null ? null : spokenNames.require(spoken),
                codes,
                body.getInteger("sortOrder", 0));
    }

    /** The row as JSON with its version as the ETag, for the client's next If-Match. */
    private static void tagged(RoutingContext rc, int status, Future<JsonObject> row) {
        Responses.json(rc, status, row.map(json -> {
            Revisions.tag(rc, json.getLong("version"));
            return json;
        }));
    }

    /** 200 with the retired row, or 204 when the row was deleted outright. */
    private static void removed(RoutingContext rc, Future<JsonObject> retired) {
        retired.onComplete(ar -> {
            if (ar.failed()) {
                rc.fail(ar.cause());
            } else if (ar.result() == null) {
                rc.response().setStatusCode(204).end();
            } else {
                tagged(rc, 200, Future.succeededFuture(ar.result()));
            }
        });
    }

    private static Actor actor(RoutingContext rc) {
        return AccessGuard.principal(rc).actor();
    }

    @Override
    public void mount(RouterBuilder contract) {
        contract.getRoute("createService").addHandler(this::createService);
        contract.getRoute("getService").addHandler(this::getService);
        contract.getRoute("updateService").addHandler(this::updateService);
        contract.getRoute("deleteService").addHandler(this::deleteService);
        contract.getRoute("setServiceSchedule").addHandler(this::setServiceSchedule);
        contract.getRoute("createCounter").addHandler(this::createCounter);
        contract.getRoute("getCounter").addHandler(this::getCounter);
        contract.getRoute("updateCounter").addHandler(this::updateCounter);
        contract.getRoute("deleteCounter").addHandler(this::deleteCounter);
    }
}
