package id.antrean.eligibility;

import id.antrean.auth.AccessGuard;
import id.antrean.facility.FacilityContext;
import id.antrean.facility.Facility;
import id.antrean.facility.FacilityDirectory;
import id.antrean.facility.Service;
import id.antrean.web.Responses;
import id.antrean.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.Optional;

/** HTTP edge of eligibility: the check, and the roster import. */
public final class EligibilityHandlers implements Routes {
    private final EligibilityService eligibility;
    private final Roster roster;
    private final java.util.function.BiFunction<Facility, String, Future<JsonObject>> bookings;
    private final FacilityDirectory directory;

    /**
     * @param bookings  today's online booking of a card not checked in yet (its ticket JSON), or null
     * @param directory reads the service a check is made for (a dental poli has its own FKTP)
     */
    public EligibilityHandlers(EligibilityService eligibility, Roster roster,
                               java.util.function.BiFunction<Facility, String, Future<JsonObject>> bookings,
                               FacilityDirectory directory) {
        this.eligibility = eligibility;
        this.roster = roster;
        this.bookings = bookings;
        this.directory = directory;
    }

    /**
     * The check (for the service named by {@code service}, if any: a dental poli asks the dental FKTP), and the
     * card's online booking for today if it has one (the kiosk then checks it in). Without a service, the answer
     * also carries the dental view when it differs: the kiosk asks before the poli is chosen.
     */
    public void check(RoutingContext rc) {
        Identity identity = Identity.of(rc.queryParams().get("card"), rc.queryParams().get("nik"));
        String service = rc.queryParams().get("service");
        boolean forService = service != null && !service.isBlank();
        Responses.json(rc, FacilityContext.of(rc).compose(facility -> (forService
                        ? directory.service(facility, service).map(Service::dental)
                        : Future.succeededFuture(false))
                .compose(dental -> eligibility.check(facility, identity, dental)).compose(e -> {
                    JsonObject json = e.toJson(facility.zone());
                    if (!forService) {
                        JsonObject dental = e.dentalViewJson(EligibilityRules.forDental(e, facility.bpjsProviderCode()));
                        if (dental != null) {
                            json.put("dental", dental);
                        }
                    }
                    if (e.cardNumber() == null || bookings == null) {
                        return Future.succeededFuture(json);
                    }
                    return bookings.apply(facility, e.cardNumber()).map(booked -> booked == null ? json
                            : json.put("booking", new JsonObject().put("ticket", booked)));
                })));
    }

    /** The body is not read by a body handler: it streams to a temporary file, read from there on a worker thread. */
    public void importRoster(RoutingContext rc) {
        Vertx vertx = rc.vertx();
        Responses.json(rc, FacilityContext.of(rc).compose(facility ->
                RosterUpload.receive(vertx, rc.request()).compose(file ->
                        roster.importCsv(facility, file, AccessGuard.principal(rc).actor())
                                .eventually(() -> RosterUpload.delete(vertx, file)))));
    }

    @Override
    public void mount(RouterBuilder contract) {
        contract.getRoute("checkEligibility").addHandler(this::check);
        // CSV is not a media type the contract validator knows: the handler reads the file itself.
        contract.getRoute("importRoster").setDoValidation(false).addHandler(this::importRoster);
    }

    /** A roster upload is streamed to a file by its handler, never held in memory by a body handler. */
    @Override
    public Optional<Handler<RoutingContext>> bodyReader(String path) {
        return path.endsWith("/roster") ? Optional.of(RosterUpload::streamedBody) : Optional.empty();
    }
}
