package id.antrean.auth;

import id.antrean.facility.Facility;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling: a staff member (role ADMIN or RECEPTIONIST) or a device (KIOSK, DISPLAY) of one facility, or an
 * operator (role OPERATOR: system-wide, e.g. a district health office), who has no facility of its own and may act
 * in every one of them.
 *
 * @param facility    the facility the identity belongs to, as the token check read it; for an operator, null until
 *                    the access guard puts it in the facility of the route it calls ({@link #in(Facility)})
 * @param deviceKinds for a device, what it is (a token shared by several devices of the facility has the
 *                    permissions of all of them; the demo's kiosk and display have a token each)
 */
public record Principal(Kind kind, long id, String name, String username, String role, Set<String> deviceKinds,
                        Facility facility) {

    public enum Kind { STAFF, DEVICE, OPERATOR }

    public static final String OPERATOR_ROLE = "OPERATOR";

    /** An operator, with no facility. */
    public static Principal operator(long id, String name, String username) {
        return new Principal(Kind.OPERATOR, id, name, username, OPERATOR_ROLE, Set.of(), null);
    }

    /** An operator acting in one facility: every permission there, for the request at hand. */
    public Principal in(Facility where) {
        return new Principal(kind, id, name, username, role, deviceKinds, where);
    }

    /** Where this identity's times are shown: its facility's zone; an operator's without a facility in UTC. */
    public java.time.ZoneId zone() {
        return facility == null ? java.time.ZoneOffset.UTC : facility.zone();
    }

    public Set<Permission> permissions() {
        EnumSet<Permission> granted = EnumSet.noneOf(Permission.class);
        if (kind == Kind.OPERATOR) {
            return EnumSet.allOf(Permission.class);
        }
        if (kind == Kind.STAFF) {
            granted.addAll(EnumSet.of(Permission.READ_QUEUE, Permission.ISSUE_TICKET, Permission.CHECK_ELIGIBILITY,
                    Permission.PRINT_TICKET, Permission.REPORT_STATUS, Permission.COUNTER));
            if ("ADMIN".equals(role)) {
                granted.add(Permission.ADMIN);
            }
            return granted;
        }
        granted.add(Permission.READ_QUEUE);
        granted.add(Permission.REPORT_STATUS);
        if (deviceKinds.contains("KIOSK")) {
            granted.addAll(EnumSet.of(Permission.ISSUE_TICKET, Permission.CHECK_ELIGIBILITY, Permission.PRINT_TICKET));
        }
        return granted;
    }

    public long facilityId() {
        return facility.id();
    }

    public String facilityCode() {
        return facility.code();
    }

    public boolean may(Permission permission) {
        return permissions().contains(permission);
    }

    /** How the audit log names this identity. */
    public Actor actor() {
        return new Actor(kind.name(), id, kind == Kind.DEVICE ? name : username);
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject()
                .put("kind", kind.name())
                .put("name", name)
                // An operator has none: it lists every facility at GET /api/v1/facilities.
                .put("facility", facility == null ? null : new JsonObject().put("code", facility.code())
                        .put("name", facility.name()).put("timeZone", facility.zone().getId()))
                .put("permissions", new JsonArray(new TreeSet<>(permissions().stream().map(Enum::name).toList()).stream().toList()));
        if (kind != Kind.DEVICE) {
            json.put("username", username).put("role", role);
        } else {
            json.put("deviceKinds", new JsonArray(new TreeSet<>(deviceKinds).stream().toList()));
        }
        return json;
    }
}
