package id.antrean.auth;

import id.antrean.facility.Facility;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling: a staff member (role ADMIN or RECEPTIONIST) or a device (KIOSK, DISPLAY) of one facility.
 *
 * @param facility    the facility the identity belongs to, as the token check read it
 * @param deviceKinds for a device, what it is (a token shared by several devices of the facility has the
 *                    permissions of all of them; the demo's kiosk and display have a token each)
 */
public record Principal(Kind kind, long id, String name, String username, String role, Set<String> deviceKinds,
                        Facility facility) {

    public enum Kind { STAFF, DEVICE }

    public Set<Permission> permissions() {
        EnumSet<Permission> granted = EnumSet.noneOf(Permission.class);
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
        return new Actor(kind.name(), id, kind == Kind.STAFF ? username : name);
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject()
                .put("kind", kind.name())
                .put("name", name)
                .put("facility", new JsonObject().put("code", facility.code()).put("name", facility.name())
                        .put("timeZone", facility.zone().getId()))
                .put("permissions", new JsonArray(new TreeSet<>(permissions().stream().map(Enum::name).toList()).stream().toList()));
        if (kind == Kind.STAFF) {
            json.put("username", username).put("role", role);
        } else {
            json.put("deviceKinds", new JsonArray(new TreeSet<>(deviceKinds).stream().toList()));
        }
        return json;
    }
}
