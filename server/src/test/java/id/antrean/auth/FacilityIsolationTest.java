package id.antrean.auth;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No identity of one facility can touch another facility's queue: every route under
 * {@code /api/v1/facilities/:facility}, taken from the running server's router (not a hand-picked list),
 * answers 403 to a receptionist, an admin and a device of the demo puskesmas calling on the demo klinik, and
 * 401 to a caller without a token.
 */
class FacilityIsolationTest {
    private static final Map<String, String> PARAMS = Map.of(
            ":facility", "klinik-demo", ":counter", "R-UMUM", ":ticket", "1", ":device", "1", ":service", "UMUM",
            ":closure", "1", ":staff", "1", ":message", "1");
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(MutableClock.at("2026-11-27T01:00:00Z"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Every facility route, as METHOD and concrete path on the other facility. */
    private static List<String[]> facilityRoutes() {
        List<String[]> routes = server.routes().stream()
                // Pages (/display/:facility) hold no data and are public; the data behind them is API.
                .filter(r -> r.contains("/api/") && r.contains(":facility"))
                .map(r -> r.split(" ", 2))
                .map(r -> new String[] {r[0].equals("*") ? "GET" : r[0], concrete(r[1])})
                .toList();
        // The router must have been read, not an empty list: these routes are known to exist.
        assertThat(routes).extracting(r -> r[0] + " " + r[1]).contains(
                "POST /api/v1/facilities/klinik-demo/tickets",
                "POST /api/v1/facilities/klinik-demo/counters/R-UMUM/call-next",
                "GET /api/v1/facilities/klinik-demo/events",
                "POST /api/v1/facilities/klinik-demo/roster",
                "PUT /api/v1/facilities/klinik-demo/profile",
                "GET /api/v1/facilities/klinik-demo/profile/logo");
        return routes;
    }

    private static String concrete(String path) {
        String p = path;
        for (Map.Entry<String, String> e : PARAMS.entrySet()) {
            p = p.replace(e.getKey(), e.getValue());
        }
        assertThat(p).as("a route parameter without a test value").doesNotContain(":");
        return p;
    }

    @Test
    void everyFacilityRouteRefusesAnotherFacilitysReceptionistAdminAndDevice() {
        List<String[]> routes = facilityRoutes();
        Map<String, WebClient> callers = Map.of(
                "receptionist", server.client(),
                "admin", server.as(server.login("admin")),
                "device", server.as(TestServer.DEVICE_TOKEN));
        long ticketsBefore = server.count("SELECT count(*) FROM ticket");
        for (String[] route : routes) {
            for (Map.Entry<String, WebClient> caller : callers.entrySet()) {
                HttpResponse<Buffer> response = call(caller.getValue(), route);
                assertThat(response.statusCode()).as(caller.getKey() + " " + route[0] + " " + route[1])
                        .isEqualTo(403);
                assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("FACILITY_FORBIDDEN");
            }
        }
        assertThat(server.count("SELECT count(*) FROM ticket")).isEqualTo(ticketsBefore);
    }

    /**
     * Every administration route (any route the access rules leave to the ADMIN permission: settings, staff,
     * credentials, closures, devices, backups, reports...), walked from the router on the caller's own facility,
     * refuses its receptionist, its kiosk and its display, and changes nothing.
     */
    @Test
    void everyAdministrationRouteRefusesTheFacilitysOwnReceptionistAndDevices() {
        List<String[]> adminRoutes = facilityRoutes().stream()
                .map(r -> new String[] {r[0], r[1].replace("/facilities/klinik-demo", "/facilities/pkm-demo")})
                .filter(r -> AccessRules.need(HttpMethod.valueOf(r[0]), r[1]).permission() == Permission.ADMIN)
                .toList();
        assertThat(adminRoutes).extracting(r -> r[0] + " " + r[1]).contains(
                "POST /api/v1/facilities/pkm-demo/staff",
                "PUT /api/v1/facilities/pkm-demo/bpjs-credentials",
                "POST /api/v1/facilities/pkm-demo/closures",
                "PUT /api/v1/facilities/pkm-demo/services/UMUM/schedule",
                "PUT /api/v1/facilities/pkm-demo/profile",
                "POST /api/v1/facilities/pkm-demo/backups");
        Map<String, WebClient> callers = Map.of(
                "receptionist", server.client(),
                "kiosk", server.as(TestServer.DEVICE_TOKEN),
                "display", server.as(TestServer.DISPLAY_TOKEN));
        String rows = "SELECT (SELECT count(*) FROM staff) + (SELECT count(*) FROM service) + (SELECT count(*) FROM"
                + " counter) + (SELECT count(*) FROM closure) + (SELECT count(*) FROM device)"
                + " + (SELECT count(*) FROM bpjs_credentials) + (SELECT count(*) FROM backup_run)";
        long before = server.count(rows);
        for (String[] route : adminRoutes) {
            for (Map.Entry<String, WebClient> caller : callers.entrySet()) {
                HttpResponse<Buffer> response = call(caller.getValue(), route);
                assertThat(response.statusCode()).as(caller.getKey() + " " + route[0] + " " + route[1])
                        .isEqualTo(403);
                assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("ROLE_FORBIDDEN");
            }
        }
        assertThat(server.count(rows)).isEqualTo(before);
    }

    @Test
    void everyFacilityRouteRefusesACallerWithoutAToken() {
        for (String[] route : facilityRoutes()) {
            HttpResponse<Buffer> response = call(server.anonymous(), route);
            assertThat(response.statusCode()).as(route[0] + " " + route[1]).isEqualTo(401);
            assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("AUTH_REQUIRED");
        }
    }

    private static HttpResponse<Buffer> call(WebClient client, String[] route) {
        var request = client.request(HttpMethod.valueOf(route[0]), route[1]);
        boolean withBody = route[0].equals("POST") || route[0].equals("PUT");
        return (withBody
                ? request.putHeader("Content-Type", "application/json").putHeader("Idempotency-Key", "k")
                        .sendBuffer(Buffer.buffer("{\"service\":\"UMUM\",\"payer\":\"UMUM\"}"))
                : request.send()).await();
    }
}
