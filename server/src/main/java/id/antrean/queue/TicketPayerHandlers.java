package id.antrean.queue;

import id.antrean.auth.AccessGuard;
import id.antrean.facility.FacilityContext;
import id.antrean.web.PathIds;
import id.antrean.web.Responses;
import id.antrean.web.Routes;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** HTTP edge of the desk's corrections of a ticket: "Periksa ulang" and the switch between JKN and UMUM. */
public final class TicketPayerHandlers implements Routes {
    private final TicketPayer payer;

    public TicketPayerHandlers(TicketPayer payer) {
        this.payer = payer;
    }

    public void recheck(RoutingContext rc) {
        long ticket = PathIds.id(rc, "ticket");
        Responses.json(rc, FacilityContext.of(rc).compose(facility ->
                payer.recheck(facility, ticket, AccessGuard.principal(rc).actor()).map(c -> c.toJson(facility))));
    }

    /** The contract has checked the body: a payer, and at most a card number and a NIK as typed. */
    public void switchPayer(RoutingContext rc) {
        long ticket = PathIds.id(rc, "ticket");
        JsonObject body = rc.body().asJsonObject();
        Responses.json(rc, FacilityContext.of(rc).compose(facility ->
                payer.switchPayer(facility, ticket, body.getString("payer"), blankToNull(body.getString("cardNumber")),
                                blankToNull(body.getString("nik")), AccessGuard.principal(rc).actor())
                        .map(c -> c.toJson(facility))));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public void mount(RouterBuilder contract) {
        contract.getRoute("recheckTicketEligibility").addHandler(this::recheck);
        contract.getRoute("switchTicketPayer").addHandler(this::switchPayer);
    }
}
