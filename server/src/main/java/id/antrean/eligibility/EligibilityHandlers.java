package id.antrean.eligibility;

import id.antrean.auth.AccessGuard;
import id.antrean.facility.FacilityDirectory;
import id.antrean.web.Responses;
import io.vertx.ext.web.RoutingContext;

/** HTTP edge of eligibility: the check, and the roster import. */
public final class EligibilityHandlers {
    private final FacilityDirectory directory;
    private final EligibilityService eligibility;
    private final Roster roster;

    public EligibilityHandlers(FacilityDirectory directory, EligibilityService eligibility, Roster roster) {
        this.directory = directory;
        this.eligibility = eligibility;
        this.roster = roster;
    }

    public void check(RoutingContext rc) {
        Identity identity = Identity.of(rc.queryParams().get("card"), rc.queryParams().get("nik"));
        Responses.json(rc, directory.facility(rc.pathParam("facility")).compose(facility ->
                eligibility.check(facility, identity).map(e -> e.toJson(facility.zone()))));
    }

    public void importRoster(RoutingContext rc) {
        String csv = rc.body() == null || rc.body().isEmpty() ? "" : rc.body().asString("UTF-8");
        Responses.json(rc, directory.facility(rc.pathParam("facility"))
                .compose(facility -> roster.importCsv(facility, csv, AccessGuard.principal(rc).actor())));
    }
}
