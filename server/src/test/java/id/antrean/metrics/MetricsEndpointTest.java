package id.antrean.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.bpjs.simulator.BpjsSimulator;
import id.antrean.db.Database;
import id.antrean.db.Migrations;
import java.sql.Connection;
import java.sql.Statement;
import id.antrean.testing.Eventually;
import id.antrean.testing.MutableClock;
import id.antrean.testing.SseClient;
import id.antrean.testing.TestPostgres;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /metrics}: Prometheus' text for the bearer of {@code METRICS_TOKEN}, nobody else; absent without one. */
class MetricsEndpointTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TOKEN = "token-metrik-uji-0123456789";
    private final MutableClock clock = MutableClock.at("2026-11-27T01:00:00Z");
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private TestServer withToken() {
        return withToken(TestPostgres.newDatabaseUrl());
    }

    private TestServer withToken(String databaseUrl) {
        Map<String, String> env = TestServer.env(databaseUrl, true);
        env.put("METRICS_TOKEN", TOKEN);
        return TestServer.start(env, clock);
    }

    private HttpResponse<Buffer> scrape(String authorization) {
        var request = server.anonymous().get("/metrics");
        if (authorization != null) {
            request.putHeader("Authorization", authorization);
        }
        return request.send().await();
    }

    @Test
    void withoutAMetricsTokenThereIsNoMetricsRoute() {
        server = TestServer.start(clock);

        HttpResponse<Buffer> response = scrape("Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aScrapeWithoutTheTokenOrWithAnotherIsRefusedAsProblemJson() {
        server = withToken();

        HttpResponse<Buffer> none = scrape(null);
        HttpResponse<Buffer> wrong = scrape("Bearer " + TOKEN + "x");
        HttpResponse<Buffer> staff = scrape("Bearer " + server.receptionistToken());

        for (HttpResponse<Buffer> refused : java.util.List.of(none, wrong, staff)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.getHeader("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.bodyAsString()).doesNotContain("antrean_");
        }
        assertThat(none.bodyAsJsonObject().getString("code")).isEqualTo("AUTH_REQUIRED");
        assertThat(wrong.bodyAsJsonObject().getString("code")).isEqualTo("AUTH_INVALID");
    }

    @Test
    void theScrapeCarriesTheFacilitysTicketsHttpJvmStreamsAndOutboxMeters() {
        server = withToken();
        try (SseClient display = SseClient.connect(server)) {
            display.next(WAIT);
            server.walkIn("UMUM");
            server.counter("R-UMUM-1", "call-next", null);
            display.until(e -> "TICKET_CALLED".equals(e.getString("type")), WAIT);

            String text = Eventually.poll(WAIT, () -> scrape("Bearer " + TOKEN).bodyAsString(),
                    t -> t.contains("antrean_tickets_called_total{facility=\"pkm-demo\"} 1.0")
                            && t.contains("antrean_call_event_delay_seconds_count{facility=\"pkm-demo\"} 1")
                            && t.contains("antrean_outbox_pending{facility=\"pkm-demo\"}"));

            HttpResponse<Buffer> response = scrape("Bearer " + TOKEN);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.getHeader("Content-Type")).startsWith("text/plain");
            assertThat(text)
                    .contains("antrean_tickets_issued_total{facility=\"pkm-demo\"} 1.0")
                    .contains("antrean_tickets_called_total{facility=\"pkm-demo\"} 1.0")
                    .contains("antrean_sse_clients 1.0")
                    .contains("antrean_outbox_pending{facility=\"pkm-demo\"}")
                    .contains("antrean_outbox_dead{facility=\"pkm-demo\"}")
                    .contains("antrean_backup_age_seconds")
                    .contains("vertx_http_server_requests_total")
                    .contains("vertx_http_server_response_time_seconds_bucket{")
                    .containsPattern("vertx_pool_in_use\\{[^}]*pool_type=\"sql\"")
                    .contains("jvm_memory_used_bytes")
                    .contains("netty_eventexecutor_tasks_pending");
        }
    }

    @Test
    void callsToBpjsAreTimedByServiceAndOutcomeAndFailuresCounted() {
        server = withToken();
        HttpResponse<Buffer> answered = server.get("/api/v1/facilities/pkm-demo/eligibility?card=0001357913579");
        assertThat(answered.statusCode()).as(answered.bodyAsString()).isEqualTo(200);
        // A JKN walk-in is reported to BPJS's queue service by the outbox.
        server.issue(new io.vertx.core.json.JsonObject().put("service", "UMUM").put("payer", "JKN")
                .put("cardNumber", "0001234567890"));
        Eventually.poll(WAIT, () -> scrape("Bearer " + TOKEN).bodyAsString(),
                t -> t.contains("antrean_bpjs_call_seconds_count{outcome=\"ok\",service=\"antrean\"} 1"));
        server.bpjs().mode(BpjsSimulator.Mode.DOWN, Duration.ZERO);
        server.get("/api/v1/facilities/pkm-demo/eligibility?card=0002468024680");

        String text = scrape("Bearer " + TOKEN).bodyAsString();

        assertThat(text)
                .containsPattern("antrean_bpjs_call_seconds_count\\{outcome=\"ok\",service=\"pcare\"} [1-9]")
                .contains("antrean_bpjs_call_seconds_count{outcome=\"error\",service=\"pcare\"} 1")
                .contains("antrean_bpjs_failures_total{outcome=\"error\",service=\"pcare\"} 1.0")
                .doesNotContain("antrean_bpjs_failures_total{outcome=\"ok\"");
    }

    @Test
    void theBackupAgeCountsFromTheLastSuccessfulBackupNotFromALaterFailure() throws Exception {
        String url = TestPostgres.newDatabaseUrl();
        Database database = Database.fromUrl(url);
        Migrations.apply(database);
        try (Connection c = database.jdbc(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO backup_run (trigger, requested_by, started_at, finished_at, file_name, bytes, outcome, error)
                    VALUES ('MANUAL', 'admin', '2026-11-26T22:59:00Z', '2026-11-26T23:00:00Z',
                            'antrean-20261127-060000.dump', 1000, 'SUCCEEDED', NULL),
                           ('MANUAL', 'admin', '2026-11-27T00:00:00Z', '2026-11-27T00:01:00Z',
                            NULL, NULL, 'FAILED', 'disk full')""");
        }
        server = withToken(url);

        String text = Eventually.poll(WAIT, () -> scrape("Bearer " + TOKEN).bodyAsString(),
                t -> !t.contains("antrean_backup_age_seconds NaN"));

        // The clock stands at 01:00: two hours since the last good backup.
        assertThat(text).contains("antrean_backup_age_seconds 7200.0");
    }

    @Test
    void aClosedStreamLeavesTheClientGauge() {
        server = withToken();
        try (SseClient display = SseClient.connect(server)) {
            display.next(WAIT);
            Eventually.poll(WAIT, () -> scrape("Bearer " + TOKEN).bodyAsString(),
                    t -> t.contains("antrean_sse_clients 1.0"));
        }
        String after = Eventually.poll(WAIT, () -> scrape("Bearer " + TOKEN).bodyAsString(),
                t -> t.contains("antrean_sse_clients 0.0"));
        assertThat(after).contains("antrean_sse_clients 0.0");
    }
}
