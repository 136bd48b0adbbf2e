package id.antrean.staff;

import id.antrean.auth.AccessGuard;
import id.antrean.facility.FacilityContext;
import id.antrean.web.PathIds;
import id.antrean.web.Responses;
import id.antrean.web.Revisions;
import id.antrean.web.Routes;
import id.antrean.web.TypedName;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.Locale;

/** HTTP edge of staff administration: {@code …/staff} (ADMIN of the facility). */
public final class StaffHandlers implements Routes {
    private final StaffAccounts staff;

    public StaffHandlers(StaffAccounts staff) {
        this.staff = staff;
    }

    public void list(RoutingContext rc) {
        Responses.json(rc, FacilityContext.of(rc).compose(staff::list).map(list -> new JsonObject().put("staff", list)));
    }

    public void one(RoutingContext rc) {
        long id = PathIds.id(rc, "staff");
        Responses.json(rc, FacilityContext.of(rc).compose(f -> staff.one(f, id)).map(account -> tagged(rc, account)));
    }

    public void add(RoutingContext rc) {
        JsonObject body = rc.body().asJsonObject();
        // Logins lower-case the username they are given: so is the account's.
        String username = body.getString("username").toLowerCase(Locale.ROOT);
        String name = TypedName.require(body.getString("name"), "name");
        Responses.json(rc, 201, FacilityContext.of(rc).compose(f -> staff.add(f, username, name,
                body.getString("role"), body.getString("password"), AccessGuard.principal(rc).actor()))
                .map(account -> tagged(rc, account)));
    }

    public void change(RoutingContext rc) {
        long id = PathIds.id(rc, "staff");
        long expected = Revisions.expected(rc);
        JsonObject body = rc.body().asJsonObject();
        StaffAccounts.Change change = new StaffAccounts.Change(TypedName.require(body.getString("name"), "name"),
                body.getString("role"), body.getBoolean("active"));
        Responses.json(rc, FacilityContext.of(rc)
                .compose(f -> staff.change(f, id, expected, change, AccessGuard.principal(rc).actor()))
                .map(account -> tagged(rc, account)));
    }

    public void resetPassword(RoutingContext rc) {
        long id = PathIds.id(rc, "staff");
        String password = rc.body().asJsonObject().getString("password");
        Responses.json(rc, FacilityContext.of(rc)
                .compose(f -> staff.resetPassword(f, id, password, AccessGuard.principal(rc).actor()))
                .map(account -> tagged(rc, account)));
    }

    private static JsonObject tagged(RoutingContext rc, JsonObject account) {
        Revisions.tag(rc, account.getLong("version"));
        return account;
    }

    @Override
    public void mount(RouterBuilder contract) {
        contract.getRoute("listStaff").addHandler(this::list);
        contract.getRoute("addStaff").addHandler(this::add);
        contract.getRoute("getStaff").addHandler(this::one);
        contract.getRoute("changeStaff").addHandler(this::change);
        contract.getRoute("resetStaffPassword").addHandler(this::resetPassword);
    }
}
