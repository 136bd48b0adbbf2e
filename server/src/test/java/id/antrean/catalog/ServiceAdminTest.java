package id.antrean.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.SseClient;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An admin sets up the facility's services over the API: create, change, remove (deleted or retired), the week's
 * hours and quotas; every change versioned, audited and announced on the event stream.
 */
class ServiceAdminTest {
    private static final String SERVICES = "/api/v1/facilities/pkm-demo/services";
    private static TestServer server;
    private static WebClient admin;

    @BeforeAll
    static void start() {
        // Friday 27 November 2026, 09:00 in Makassar
        server = TestServer.start(MutableClock.at("2026-11-27T01:00:00Z"));
        admin = server.as(server.login("admin"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonObject newService(String code, String prefix) {
        return new JsonObject().put("code", code).put("name", "Poli " + code).put("prefix", prefix);
    }

    private static HttpResponse<Buffer> create(JsonObject body) {
        return admin.post(SERVICES).sendJsonObject(body).await();
    }

    private static HttpResponse<Buffer> put(String path, String ifMatch, JsonObject body) {
        var request = admin.put(path);
        if (ifMatch != null) {
            request.putHeader("If-Match", ifMatch);
        }
        return request.sendJsonObject(body).await();
    }

    private static HttpResponse<Buffer> delete(String path, String ifMatch) {
        var request = admin.delete(path);
        if (ifMatch != null) {
            request.putHeader("If-Match", ifMatch);
        }
        return request.send().await();
    }

    private static String code(HttpResponse<Buffer> response) {
        return response.bodyAsJsonObject().getString("code");
    }

    private static List<String> listedCodes() {
        return server.get(SERVICES).bodyAsJsonObject().getJsonArray("services").stream()
                .map(s -> ((JsonObject) s).getString("code")).toList();
    }

    @Test
    void aNewServiceIsListedWithItsBpjsCodeAndKioskFlagAndIsVersionOne() {
        HttpResponse<Buffer> created = create(newService("gizi", "g").put("bpjsCode", "0a9").put("kioskVisible", false));

        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        assertThat(created.getHeader("ETag")).isEqualTo("\"1\"");
        JsonObject body = created.bodyAsJsonObject();
        assertThat(body.getString("code")).isEqualTo("GIZI");
        assertThat(body.getString("prefix")).isEqualTo("G");
        assertThat(body.getString("bpjsCode")).isEqualTo("0A9");
        assertThat(body.getInteger("version")).isEqualTo(1);
        JsonObject listed = server.get(SERVICES).bodyAsJsonObject().getJsonArray("services").stream()
                .map(JsonObject.class::cast).filter(s -> s.getString("code").equals("GIZI")).findFirst().orElseThrow();
        assertThat(listed.getString("bpjsCode")).isEqualTo("0A9");
        assertThat(listed.getBoolean("kioskVisible")).isFalse();
        // the existing fields stay as they were
        assertThat(listed.fieldNames()).contains("code", "name", "prefix", "open");
        HttpResponse<Buffer> read = admin.get(SERVICES + "/gizi").send().await();
        assertThat(read.getHeader("ETag")).isEqualTo("\"1\"");
        assertThat(read.bodyAsJsonObject().getJsonArray("schedule")).isEmpty();
    }

    @Test
    void aTakenCodeLetterOrBpjsCodeIsAClearConflictAndWritesNothing() {
        long before = server.count("SELECT count(*) FROM service");

        assertThat(code(create(newService("UMUM", "Q")))).isEqualTo("SERVICE_CODE_TAKEN");
        assertThat(code(create(newService("BARU1", "A")))).isEqualTo("SERVICE_PREFIX_TAKEN");
        HttpResponse<Buffer> bpjs = create(newService("BARU2", "R").put("bpjsCode", "001"));
        assertThat(bpjs.statusCode()).isEqualTo(409);
        assertThat(code(bpjs)).isEqualTo("SERVICE_BPJS_CODE_TAKEN");
        assertThat(bpjs.bodyAsJsonObject().getString("field")).isEqualTo("bpjsCode");
        assertThat(bpjs.bodyAsJsonObject().getJsonObject("message").getString("id")).contains("001");
        assertThat(server.count("SELECT count(*) FROM service")).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedByTheContract() {
        assertThat(create(newService("X1", "AB")).statusCode()).isEqualTo(400);
        assertThat(create(newService("X1", "1")).statusCode()).isEqualTo(400);
        assertThat(create(newService("X1", "S").put("bpjsCode", "0001")).statusCode()).isEqualTo(400);
        assertThat(create(newService("X 1", "S")).statusCode()).isEqualTo(400);
        assertThat(create(newService("X1", "S").put("extra", 1)).statusCode()).isEqualTo(400);
        assertThat(create(newService("X1", "S").put("name", " ")).statusCode()).isEqualTo(400);
        assertThat(code(create(newService("X1", "S").put("name", " ")))).isEqualTo("INVALID_FIELD");
        assertThat(listedCodes()).doesNotContain("X1");
    }

    @Test
    void aChangeNeedsTheCurrentVersionSoTwoAdminsNeverOverwriteEachOther() {
        create(newService("TB", "T"));
        JsonObject change = new JsonObject().put("name", "Poli TB Paru").put("prefix", "T");

        HttpResponse<Buffer> blind = put(SERVICES + "/TB", null, change);
        assertThat(blind.statusCode()).isEqualTo(428);
        assertThat(code(blind)).isEqualTo("PRECONDITION_REQUIRED");

        HttpResponse<Buffer> first = put(SERVICES + "/TB", "\"1\"", change);
        assertThat(first.statusCode()).as(first.bodyAsString()).isEqualTo(200);
        assertThat(first.getHeader("ETag")).isEqualTo("\"2\"");
        assertThat(first.bodyAsJsonObject().getString("name")).isEqualTo("Poli TB Paru");

        HttpResponse<Buffer> second = put(SERVICES + "/TB", "\"1\"", change.copy().put("name", "Poli Paru"));
        assertThat(second.statusCode()).isEqualTo(412);
        assertThat(code(second)).isEqualTo("EDIT_CONFLICT");
        assertThat(admin.get(SERVICES + "/TB").send().await().bodyAsJsonObject().getString("name"))
                .isEqualTo("Poli TB Paru");
        assertThat(code(put(SERVICES + "/TB", "\"2\"", change.copy().put("prefix", "B")))).isEqualTo("SERVICE_PREFIX_TAKEN");
        assertThat(code(put(SERVICES + "/NOPE", "\"1\"", change))).isEqualTo("SERVICE_NOT_FOUND");
    }

    @Test
    void twoAdminsSavingTheSameVersionAtOnceGetOneSaveAndOneConflict() {
        create(newService("GIGI2", "W"));
        var first = admin.put(SERVICES + "/GIGI2").putHeader("If-Match", "\"1\"")
                .sendJsonObject(new JsonObject().put("name", "Poli Gigi Anak").put("prefix", "W"));
        var second = admin.put(SERVICES + "/GIGI2").putHeader("If-Match", "\"1\"")
                .sendJsonObject(new JsonObject().put("name", "Poli Gigi Dewasa").put("prefix", "W"));

        io.vertx.core.Future.join(first, second).await();

        assertThat(List.of(first.result().statusCode(), second.result().statusCode())).containsExactlyInAnyOrder(200, 412);
        String saved = (first.result().statusCode() == 200 ? first : second).result().bodyAsJsonObject().getString("name");
        JsonObject read = admin.get(SERVICES + "/GIGI2").send().await().bodyAsJsonObject();
        assertThat(read.getString("name")).isEqualTo(saved);
        assertThat(read.getInteger("version")).isEqualTo(2);
    }

    @Test
    void everyChangeIsAuditedWithBeforeAndAfterAndAnnouncedLive() {
        try (SseClient events = SseClient.connect(server)) {
            create(newService("JIWA", "J"));
            put(SERVICES + "/JIWA", "\"1\"", new JsonObject().put("name", "Poli Jiwa").put("prefix", "J")
                    .put("kioskVisible", false));

            List<JsonObject> seen = events.until(e -> "SETTINGS_CHANGED".equals(e.getString("type")), Duration.ofSeconds(10));
            assertThat(seen.get(seen.size() - 1).getString("settings")).isEqualTo("services");
        }
        JsonArray entries = admin.get("/api/v1/facilities/pkm-demo/audit").addQueryParam("date", "2026-11-27")
                .send().await().bodyAsJsonObject().getJsonArray("entries");
        JsonObject changed = entries.stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("action").equals("SERVICE_CHANGED")
                        && e.getJsonObject("details").getJsonObject("after").getString("code").equals("JIWA"))
                .findFirst().orElseThrow();
        assertThat(changed.getJsonObject("actor").getString("name")).isEqualTo("admin");
        assertThat(changed.getJsonObject("details").getJsonObject("before").getString("name")).isEqualTo("Poli JIWA");
        assertThat(changed.getJsonObject("details").getJsonObject("before").getBoolean("kioskVisible")).isTrue();
        assertThat(changed.getJsonObject("details").getJsonObject("after").getBoolean("kioskVisible")).isFalse();
        assertThat(entries.stream().map(JsonObject.class::cast).map(e -> e.getString("action")))
                .contains("SERVICE_CREATED");
    }

    @Test
    void aServiceThatNeverHadATicketIsDeleted() {
        create(newService("HAPUS", "H"));

        assertThat(delete(SERVICES + "/HAPUS", null).statusCode()).isEqualTo(428);
        assertThat(delete(SERVICES + "/HAPUS", "\"7\"").statusCode()).isEqualTo(412);
        HttpResponse<Buffer> deleted = delete(SERVICES + "/HAPUS", "\"1\"");

        assertThat(deleted.statusCode()).as(deleted.bodyAsString()).isEqualTo(204);
        assertThat(server.count("SELECT count(*) FROM service WHERE code = 'HAPUS'")).isZero();
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE action = 'SERVICE_DELETED'"
                + " AND details->'before'->>'code' = 'HAPUS' AND details->'after' = 'null'::jsonb")).isEqualTo(1);
    }

    @Test
    void aServiceWithTicketsIsRetiredHiddenAndTakesNoNewTicketButKeepsItsHistory() {
        create(newService("IMUN", "I"));
        JsonObject ticket = server.walkIn("IMUN");
        admin.post("/api/v1/facilities/pkm-demo/counters").sendJsonObject(new JsonObject().put("code", "R-IMUN")
                .put("name", "Ruang Imunisasi").put("services", new JsonArray().add("IMUN"))).await();

        // patients still waiting: retiring it would strand them
        HttpResponse<Buffer> busy = delete(SERVICES + "/IMUN", "\"1\"");
        assertThat(busy.statusCode()).isEqualTo(409);
        assertThat(code(busy)).isEqualTo("SERVICE_IN_USE");

        server.counter("R-IMUN", "call-next", null);
        server.counter("R-IMUN", "finish", null);
        HttpResponse<Buffer> retired = delete(SERVICES + "/IMUN", "\"1\"");

        assertThat(retired.statusCode()).as(retired.bodyAsString()).isEqualTo(200);
        assertThat(retired.bodyAsJsonObject().getString("retiredAt")).endsWith("+08:00");
        assertThat(listedCodes()).doesNotContain("IMUN");
        HttpResponse<Buffer> refused = server.issue(new JsonObject().put("service", "IMUN").put("payer", "UMUM"));
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(code(refused)).isEqualTo("SERVICE_NOT_FOUND");
        assertThat(server.get("/api/v1/facilities/pkm-demo/tickets/" + ticket.getLong("id")).statusCode()).isEqualTo(200);
        assertThat(server.get("/api/v1/facilities/pkm-demo/counters").bodyAsJsonObject().getJsonArray("counters")
                .stream().map(JsonObject.class::cast).filter(c -> c.getString("code").equals("R-IMUN"))
                .findFirst().orElseThrow().getJsonArray("services")).isEmpty();
        // its code and letter stay reserved: old tickets and reports keep naming it
        assertThat(code(create(newService("IMUN", "Z")))).isEqualTo("SERVICE_CODE_TAKEN");
        assertThat(code(create(newService("IMUN2", "I")))).isEqualTo("SERVICE_PREFIX_TAKEN");
        assertThat(code(put(SERVICES + "/IMUN", "\"2\"", new JsonObject().put("name", "x").put("prefix", "I"))))
                .isEqualTo("SERVICE_NOT_FOUND");
    }

    @Test
    void theWeekIsReplacedWholeAndReadBack() {
        create(newService("MATA", "M"));
        JsonObject week = new JsonObject()
                .put("days", new JsonArray()
                        .add(new JsonObject().put("weekday", 3).put("opensAt", "08:00").put("closesAt", "12:00")
                                .put("doctorCode", 7788).put("doctorName", "dr. Rina, Sp.M"))
                        .add(new JsonObject().put("weekday", 1).put("opensAt", "07:30").put("closesAt", "11:00")))
                .put("dailyQuota", 30).put("jknQuota", 10);

        assertThat(put(SERVICES + "/MATA/schedule", null, week).statusCode()).isEqualTo(428);
        HttpResponse<Buffer> saved = put(SERVICES + "/MATA/schedule", "\"1\"", week);

        assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);
        assertThat(saved.getHeader("ETag")).isEqualTo("\"2\"");
        JsonObject read = admin.get(SERVICES + "/MATA").send().await().bodyAsJsonObject();
        assertThat(read.getInteger("dailyQuota")).isEqualTo(30);
        assertThat(read.getInteger("jknQuota")).isEqualTo(10);
        assertThat(read.getJsonArray("schedule")).containsExactly(
                new JsonObject().put("weekday", 1).put("opensAt", "07:30").put("closesAt", "11:00")
                        .put("doctorCode", null).put("doctorName", null),
                new JsonObject().put("weekday", 3).put("opensAt", "08:00").put("closesAt", "12:00")
                        .put("doctorCode", 7788).put("doctorName", "dr. Rina, Sp.M"));

        HttpResponse<Buffer> replaced = put(SERVICES + "/MATA/schedule", "\"2\"", new JsonObject()
                .put("days", new JsonArray().add(new JsonObject().put("weekday", 5).put("opensAt", "09:00")
                        .put("closesAt", "10:00"))));
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.bodyAsJsonObject().getJsonArray("schedule")).hasSize(1);
        assertThat(replaced.bodyAsJsonObject().getValue("dailyQuota")).isNull();
        assertThat(put(SERVICES + "/MATA/schedule", "\"2\"", week).statusCode()).isEqualTo(412);
    }

    @Test
    void aWeekWithATwiceGivenDayBackwardHoursOrTooManyJknPlacesIsRefusedAndLeavesTheOldWeek() {
        create(newService("KB", "K"));
        JsonObject monday = new JsonObject().put("weekday", 1).put("opensAt", "08:00").put("closesAt", "12:00");
        put(SERVICES + "/KB/schedule", "\"1\"", new JsonObject().put("days", new JsonArray().add(monday)));

        HttpResponse<Buffer> twice = put(SERVICES + "/KB/schedule", "\"2\"",
                new JsonObject().put("days", new JsonArray().add(monday).add(monday)));
        HttpResponse<Buffer> backward = put(SERVICES + "/KB/schedule", "\"2\"", new JsonObject().put("days",
                new JsonArray().add(monday.copy().put("closesAt", "07:00"))));
        HttpResponse<Buffer> quota = put(SERVICES + "/KB/schedule", "\"2\"", new JsonObject()
                .put("days", new JsonArray()).put("dailyQuota", 5).put("jknQuota", 6));
        HttpResponse<Buffer> badTime = put(SERVICES + "/KB/schedule", "\"2\"", new JsonObject().put("days",
                new JsonArray().add(monday.copy().put("opensAt", "25:00"))));
        HttpResponse<Buffer> badDay = put(SERVICES + "/KB/schedule", "\"2\"", new JsonObject().put("days",
                new JsonArray().add(monday.copy().put("weekday", 8))));

        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(code(twice)).isEqualTo("SCHEDULE_DAY_TWICE");
        assertThat(code(backward)).isEqualTo("SCHEDULE_CLOSES_BEFORE_OPENS");
        assertThat(code(quota)).isEqualTo("JKN_QUOTA_ABOVE_DAILY");
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(badDay.statusCode()).isEqualTo(400);
        JsonObject read = admin.get(SERVICES + "/KB").send().await().bodyAsJsonObject();
        assertThat(read.getInteger("version")).isEqualTo(2);
        assertThat(read.getJsonArray("schedule")).hasSize(1);
    }

    @Test
    void aReceptionistMayReadServicesButNotChangeThem() {
        HttpResponse<Buffer> refused = server.client().post(SERVICES).sendJsonObject(newService("LANSIA", "L")).await();
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(code(refused)).isEqualTo("ROLE_FORBIDDEN");
        for (var request : List.of(server.client().get(SERVICES + "/UMUM"), server.client().put(SERVICES + "/UMUM"),
                server.client().delete(SERVICES + "/UMUM"), server.client().put(SERVICES + "/UMUM/schedule"))) {
            HttpResponse<Buffer> response = request.putHeader("If-Match", "\"1\"").send().await();
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(code(response)).isEqualTo("ROLE_FORBIDDEN");
        }
        assertThat(server.get(SERVICES).statusCode()).isEqualTo(200);
        assertThat(listedCodes()).doesNotContain("LANSIA");
    }
}
