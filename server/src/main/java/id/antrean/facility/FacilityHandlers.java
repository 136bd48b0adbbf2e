package id.antrean.facility;

import id.antrean.web.Responses;
import id.antrean.web.Routes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.time.Clock;

/** HTTP edge of the facility directory. */
public final class FacilityHandlers implements Routes {
    private final FacilityDirectory directory;
    private final ClosedToday closures;
    private final Clock clock;

    public FacilityHandlers(FacilityDirectory directory, ClosedToday closures, Clock clock) {
        this.directory = directory;
        this.closures = closures;
        this.clock = clock;
    }

    public void listFacilities(RoutingContext rc) {
        Responses.json(rc, directory.facilities().map(list -> new JsonObject().put("facilities",
                new JsonArray(list.stream().map(f -> f.toJson(clock)).toList()))));
    }

    public void listServices(RoutingContext rc) {
        Responses.json(rc, FacilityContext.of(rc)
                .compose(f -> directory.services(f).compose(list -> closures.closedToday(f).map(closed ->
                        new JsonObject().put("services", new JsonArray(list.stream()
                                .map(s -> ClosedToday.mark(s.toJson(), closed.get(s.id()))).toList()))))));
    }

    public void listCounters(RoutingContext rc) {
        Responses.json(rc, FacilityContext.of(rc)
                .compose(directory::counters)
                .map(list -> new JsonObject().put("counters",
                        new JsonArray(list.stream().map(Counter::toJson).toList()))));
    }

    @Override
    public void mount(RouterBuilder contract) {
        contract.getRoute("listFacilities").addHandler(this::listFacilities);
        contract.getRoute("listServices").addHandler(this::listServices);
        contract.getRoute("listCounters").addHandler(this::listCounters);
    }
}
