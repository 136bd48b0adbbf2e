package id.antrean.queue;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TicketNumberingTest {
    // 10:00 in Makassar (WITA, UTC+8), the demo facility's zone.
    private static final MutableClock CLOCK = MutableClock.at("2026-11-27T02:00:00Z");
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(CLOCK);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @ExtendWith(VertxExtension.class)
    @Timeout(value = 2, timeUnit = TimeUnit.MINUTES)
    void thirtyTwoConcurrentIssuersOfFiftyTicketsEachGetExactlyOneTo1600(Vertx vertx, VertxTestContext test) {
        WebClient client = WebClientSession.create(WebClient.create(vertx,
                        new WebClientOptions().setDefaultPort(server.port()), new PoolOptions().setHttp1MaxSize(32)))
                .addHeader("Authorization", "Bearer " + TestServer.DEVICE_TOKEN);
        List<Future<List<Integer>>> issuers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            issuers.add(issueInSequence(client, "KIA", 50, new ArrayList<>()));
        }
        Future.all(issuers).onComplete(test.succeeding(all -> test.verify(() -> {
            List<Integer> numbers = new ArrayList<>();
            issuers.forEach(issuer -> numbers.addAll(issuer.result()));
            Collections.sort(numbers);
            assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, 1600).boxed().toList());
            assertThat(server.count("""
                    SELECT count(DISTINCT number) FROM ticket t JOIN service s USING (facility_id, service_id)
                    WHERE s.code = 'KIA'""")).isEqualTo(1600);
            assertThat(server.count("SELECT last_number FROM queue_day_sequence q JOIN service s USING (facility_id, service_id) WHERE s.code = 'KIA'"))
                    .isEqualTo(1600);
            test.completeNow();
        })));
    }

    @Test
    void concurrentIssuersOfOnePoliGetGapFreeNumbersAndThePlaceTheTicketsOwnGetShows() {
        // A poli of its own: the place in line counts every waiting ticket of the poli.
        server.sql("""
                INSERT INTO service (facility_id, code, name, prefix)
                SELECT facility_id, 'RUSH', 'Poli Ramai', 'R' FROM facility WHERE code = 'pkm-demo'""");
        WebClient client = WebClientSession.create(WebClient.create(server.clientVertx(),
                        new WebClientOptions().setDefaultPort(server.port()), new PoolOptions().setHttp1MaxSize(16)))
                .addHeader("Authorization", "Bearer " + TestServer.DEVICE_TOKEN);
        List<Future<List<JsonObject>>> issuers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            issuers.add(ticketsInSequence(client, "RUSH", 10, new ArrayList<>()));
        }
        Future.all(issuers).await();

        List<JsonObject> answers = new ArrayList<>();
        issuers.forEach(issuer -> answers.addAll(issuer.result()));
        assertThat(answers).extracting(a -> a.getInteger("number")).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, 160).boxed().toList());
        // Nobody was called: each ticket's place now is the place it was given, whoever else was issuing.
        for (JsonObject answer : answers) {
            JsonObject own = server.get("/api/v1/facilities/pkm-demo/tickets/" + answer.getLong("id")).bodyAsJsonObject();
            assertThat(answer.getInteger("position")).as(answer.getString("label"))
                    .isEqualTo(own.getInteger("position")).isEqualTo(answer.getInteger("number"));
            // The event screens receive carries the ticket as the answer shows it.
            assertThat(server.count("SELECT count(*) FROM queue_event WHERE type = 'TICKET_ISSUED' AND ticket_id = "
                    + answer.getLong("id") + " AND payload -> 'ticket' <@ '" + answer.encode().replace("'", "''")
                    + "'::jsonb AND payload -> 'ticket' ? 'position'")).as("event of " + answer.getString("label"))
                    .isEqualTo(1);
        }
        client.close();
    }

    private static Future<List<JsonObject>> ticketsInSequence(WebClient client, String service, int left,
                                                              List<JsonObject> got) {
        if (left == 0) {
            return Future.succeededFuture(got);
        }
        return client.post("/api/v1/facilities/pkm-demo/tickets")
                .putHeader("Idempotency-Key", UUID.randomUUID().toString())
                .sendJsonObject(new JsonObject().put("service", service).put("payer", "UMUM"))
                .compose(response -> {
                    if (response.statusCode() != 201) {
                        return Future.failedFuture("status " + response.statusCode() + ": " + response.bodyAsString());
                    }
                    got.add(response.bodyAsJsonObject());
                    return ticketsInSequence(client, service, left - 1, got);
                });
    }

    /** One issuer: takes its tickets one after another, as one kiosk would. */
    private static Future<List<Integer>> issueInSequence(WebClient client, String service, int left, List<Integer> got) {
        if (left == 0) {
            return Future.succeededFuture(got);
        }
        return client.post("/api/v1/facilities/pkm-demo/tickets")
                .putHeader("Idempotency-Key", UUID.randomUUID().toString())
                .sendJsonObject(new JsonObject().put("service", service).put("payer", "UMUM"))
                .compose(response -> {
                    if (response.statusCode() != 201) {
                        return Future.failedFuture("status " + response.statusCode() + ": " + response.bodyAsString());
                    }
                    got.add(response.bodyAsJsonObject().getInteger("number"));
                    return issueInSequence(client, service, left - 1, got);
                });
    }

    @Test
    void aTicketHasItsLabelDayPositionAndMaskedCard() {
        JsonObject first = server.walkIn("GIGI");
        HttpResponse<Buffer> response = server.issue(new JsonObject()
                .put("service", "gigi").put("payer", "JKN").put("cardNumber", "0001 2345 67890"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.getHeader("Location")).endsWith("/tickets/" + response.bodyAsJsonObject().getLong("id"));
        JsonObject ticket = response.bodyAsJsonObject();
        assertThat(ticket.getInteger("number")).isEqualTo(first.getInteger("number") + 1);
        assertThat(ticket.getString("label")).isEqualTo("B-%03d".formatted(ticket.getInteger("number")));
        assertThat(ticket.getString("service")).isEqualTo("GIGI");
        assertThat(ticket.getString("status")).isEqualTo("WAITING");
        assertThat(ticket.getString("serviceDate")).isEqualTo("2026-11-27");
        assertThat(ticket.getString("issuedAt")).isEqualTo("2026-11-27T10:00+08:00");
        assertThat(ticket.getInteger("position")).isEqualTo(first.getInteger("position") + 1);
        assertThat(ticket.getString("cardNumberMasked")).isEqualTo("*********7890");
        assertThat(response.bodyAsString()).doesNotContain("0001234567890");
    }

    @Test
    void retryingWithTheSameIdempotencyKeyReturnsTheSameTicketAndIssuesNoSecond() {
        String key = UUID.randomUUID().toString();
        JsonObject body = new JsonObject().put("service", "UMUM").put("payer", "JKN").put("nik", "7371014101900001");
        long before = server.count("SELECT count(*) FROM ticket");

        HttpResponse<Buffer> first = server.issue("pkm-demo", body, key);
        HttpResponse<Buffer> retry = server.issue("pkm-demo", body, key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.bodyAsJsonObject().getLong("id")).isEqualTo(first.bodyAsJsonObject().getLong("id"));
        assertThat(retry.bodyAsJsonObject().getInteger("number")).isEqualTo(first.bodyAsJsonObject().getInteger("number"));
        assertThat(server.count("SELECT count(*) FROM ticket")).isEqualTo(before + 1);
    }

    @Test
    void concurrentRetriesOfOneRequestIssueExactlyOneTicketAndSkipNoNumber() {
        String key = UUID.randomUUID().toString();
        JsonObject body = new JsonObject().put("service", "LAB").put("payer", "UMUM");
        List<Future<HttpResponse<Buffer>>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            attempts.add(server.client().post("/api/v1/facilities/pkm-demo/tickets")
                    .putHeader("Idempotency-Key", key).sendJsonObject(body));
        }
        Future.all(attempts).await();

        assertThat(attempts).extracting(a -> a.result().statusCode()).containsOnly(200, 201);
        assertThat(attempts).filteredOn(a -> a.result().statusCode() == 201).hasSize(1);
        assertThat(attempts).extracting(a -> a.result().bodyAsJsonObject().getLong("id")).containsOnly(
                attempts.get(0).result().bodyAsJsonObject().getLong("id"));
        // The next request gets the next number: the retries gave back every number they took.
        int only = attempts.get(0).result().bodyAsJsonObject().getInteger("number");
        assertThat(server.walkIn("LAB").getInteger("number")).isEqualTo(only + 1);
    }

    @Test
    void theSameIdempotencyKeyWithADifferentBodyIs422AndWritesNothing() {
        String key = UUID.randomUUID().toString();
        server.issue("pkm-demo", new JsonObject().put("service", "APOTEK").put("payer", "UMUM"), key);
        long before = server.count("SELECT count(*) FROM ticket");

        HttpResponse<Buffer> reuse = server.issue("pkm-demo",
                new JsonObject().put("service", "APOTEK").put("payer", "UMUM").put("priority", true), key);

        assertThat(reuse.statusCode()).isEqualTo(422);
        assertThat(reuse.getHeader("Content-Type")).startsWith("application/problem+json");
        assertThat(reuse.bodyAsJsonObject().getString("code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(server.count("SELECT count(*) FROM ticket")).isEqualTo(before);
    }

    @Test
    void numbersStartAgainAtOneOnEachFacilitysOwnLocalDay() {
        server.sql("""
                INSERT INTO facility (code, name, time_zone) VALUES
                  ('klinik-wib', 'Klinik Jakarta', 'Asia/Jakarta'),
                  ('pkm-wit', 'Puskesmas Jayapura', 'Asia/Jayapura');
                INSERT INTO service (facility_id, code, name, prefix)
                  SELECT facility_id, 'UMUM', 'Poli Umum', 'A' FROM facility WHERE code IN ('klinik-wib', 'pkm-wit');
                """);
        JsonObject umum = new JsonObject().put("service", "UMUM").put("payer", "UMUM");
        kiosks.put("klinik-wib", server.kioskToken("klinik-wib"));
        kiosks.put("pkm-wit", server.kioskToken("pkm-wit"));
        try {
            // 14:30 UTC: 21:30 WIB, 22:30 WITA, 23:30 WIT - the same day everywhere.
            CLOCK.set(java.time.Instant.parse("2026-11-27T14:30:00Z"));
            assertThat(numberAt("klinik-wib", umum)).isEqualTo(1);
            assertThat(numberAt("klinik-wib", umum)).isEqualTo(2);
            assertThat(numberAt("pkm-wit", umum)).isEqualTo(1);
            assertThat(numberAt("pkm-wit", umum)).isEqualTo(2);

            // 15:00:01 UTC: midnight has passed in Jayapura only.
            CLOCK.set(java.time.Instant.parse("2026-11-27T15:00:01Z"));
            JsonObject jayapura = issued("pkm-wit", umum);
            assertThat(jayapura.getInteger("number")).isEqualTo(1);
            assertThat(jayapura.getString("serviceDate")).isEqualTo("2026-11-28");
            assertThat(jayapura.getString("issuedAt")).isEqualTo("2026-11-28T00:00:01+09:00");
            JsonObject jakarta = issued("klinik-wib", umum);
            assertThat(jakarta.getInteger("number")).isEqualTo(3);
            assertThat(jakarta.getString("serviceDate")).isEqualTo("2026-11-27");

            // 17:00 UTC: midnight in Jakarta too.
            CLOCK.set(java.time.Instant.parse("2026-11-27T17:00:00Z"));
            assertThat(issued("klinik-wib", umum).getString("serviceDate")).isEqualTo("2026-11-28");
            assertThat(numberAt("klinik-wib", umum)).isEqualTo(2);
        } finally {
            CLOCK.set(java.time.Instant.parse("2026-11-27T02:00:00Z"));
        }
    }

    private int numberAt(String facility, JsonObject body) {
        return issued(facility, body).getInteger("number");
    }

    private final java.util.Map<String, String> kiosks = new java.util.HashMap<>();

    private JsonObject issued(String facility, JsonObject body) {
        HttpResponse<Buffer> response = server.as(kiosks.get(facility)).post("/api/v1/facilities/" + facility + "/tickets")
                .putHeader("Idempotency-Key", UUID.randomUUID().toString()).sendJsonObject(body).await();
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        return response.bodyAsJsonObject();
    }

    @Test
    void aClosedServiceRefusesNewTicketsWithAClearAnswer() {
        server.sql("""
                INSERT INTO service (facility_id, code, name, prefix, is_open)
                SELECT facility_id, 'TB', 'Poli TB', 'T', false FROM facility WHERE code = 'pkm-demo'""");

        HttpResponse<Buffer> response = server.issue(new JsonObject().put("service", "TB").put("payer", "UMUM"));

        assertThat(response.statusCode()).isEqualTo(409);
        JsonObject problem = response.bodyAsJsonObject();
        assertThat(problem.getString("code")).isEqualTo("SERVICE_CLOSED");
        assertThat(problem.getJsonObject("message").getString("id")).contains("Poli TB").contains("tutup");
        assertThat(problem.getJsonObject("message").getString("en")).contains("Poli TB").contains("closed");
    }
}
