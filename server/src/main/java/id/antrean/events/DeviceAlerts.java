package id.antrean.events;

import id.antrean.auth.AccessGuard;
import id.antrean.auth.Principal;
import id.antrean.facility.FacilityContext;
import id.antrean.web.Routes;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/**
 * {@code POST …/device-alerts}: a kiosk says its printer is in trouble (or fine again). The room hears it
 * as a {@code DEVICE_ALERT} event on every console and display, so someone walks over.
 */
public final class DeviceAlerts implements Handler<RoutingContext>, Routes {
    private final Pool pool;
    private final Clock clock;

    public DeviceAlerts(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext rc) {
        JsonObject body = rc.body().asJsonObject();
        Principal from = AccessGuard.principal(rc);
        FacilityContext.of(rc)
                .compose(facility -> pool.withTransaction(tx -> EventLog.append(tx, new QueueEvent(facility.id(),
                        EventType.DEVICE_ALERT, clock.instant(), facility.zone(), null, null, null, new JsonObject()
                        .put("device", new JsonObject().put("kind", from.kind().name()).put("name", from.name()))
                        .put("alert", body.getString("kind"))
                        .put("problem", body.getString("problem"))))))
                .onSuccess(v -> rc.response().setStatusCode(202).end())
                .onFailure(rc::fail);
    }

    @Override
    public void mount(RouterBuilder contract) {
        contract.getRoute("reportDeviceAlert").addHandler(this);
    }
}
