package id.antrean.track;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.SseClient;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The patient's own tracking link: what its page and public API show (the place in line, never a person), that
 * its code cannot be guessed, that one address cannot keep trying, and that it lasts the facility's day.
 */
class TrackApiTest {
    /** 10:00 in Makassar (WITA, UTC+8), the demo facility's zone. */
    private static final String MORNING = "2026-12-07T02:00:00Z";
    private static final Pattern TRACK_URL = Pattern.compile("^(http://[^/]+)/t/([A-Za-z0-9_-]+)$");
    // Budi Santoso of the demo: on the roster and at the BPJS simulator.
    private static final String CARD = "0001234567890";
    private static final String NIK = "7371011205580001";
    private static final String NAME = "BUDI SANTOSO";

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String code(JsonObject ticket) {
        String url = ticket.getString("trackUrl");
        assertThat(url).as("trackUrl of " + ticket.encode()).isNotNull();
        Matcher m = TRACK_URL.matcher(url);
        assertThat(m.matches()).as(url).isTrue();
        return m.group(2);
    }

    private HttpResponse<Buffer> anonymousGet(String path) {
        return server.anonymous().get(path).send().await();
    }

    @Test
    void everyTicketHasItsOwnTrackUrlWithACodeOfAtLeast96RandomBitsMadeAtIssue() {
        server = TestServer.start(MutableClock.at(MORNING));
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            JsonObject ticket = server.walkIn(i % 2 == 0 ? "UMUM" : "GIGI");
            String url = ticket.getString("trackUrl");
            // No PUBLIC_URL: the link's base is the origin the request came to.
            assertThat(url).startsWith("http://localhost:" + server.port() + "/t/");
            String code = code(ticket);
            // base64url: 6 bits a character, so 22 characters hold the 128 bits of a random UUID (122 of them random)
            assertThat(code.length() * 6).isGreaterThanOrEqualTo(128);
            assertThat(Base64.getUrlDecoder().decode(code)).hasSize(16);
            codes.add(code);
            // The staff's view of the same ticket has the same link.
            JsonObject again = server.get("/api/v1/facilities/" + TestServer.DEMO + "/tickets/" + ticket.getLong("id"))
                    .bodyAsJsonObject();
            assertThat(again.getString("trackUrl")).isEqualTo(url);
        }
        assertThat(codes).hasSize(20);
        assertThat(server.count("SELECT count(*) FROM ticket WHERE tracking_code IS NULL")).isZero();
    }

    @Test
    void publicUrlSetsTheBaseOfTheLink() {
        Map<String, String> env = new HashMap<>(TestServer.env(id.antrean.testing.TestPostgres.newDatabaseUrl(), true));
        env.put("PUBLIC_URL", "https://antrean.puskesmas-sejahtera.id/");
        server = TestServer.start(env, MutableClock.at(MORNING));
        assertThat(server.walkIn("UMUM").getString("trackUrl"))
                .matches("^https://antrean\\.puskesmas-sejahtera\\.id/t/[A-Za-z0-9_-]{22}$");
    }

    @Test
    void thePageItsStateAndItsStreamShowThePlaceInLineAndNothingPersonal() {
        server = TestServer.start(MutableClock.at(MORNING));
        server.walkIn("UMUM");
        HttpResponse<Buffer> issued = server.issue(new JsonObject().put("service", "UMUM").put("payer", "JKN")
                .put("cardNumber", CARD).put("nik", NIK));
        assertThat(issued.statusCode()).as(issued.bodyAsString()).isEqualTo(201);
        JsonObject ticket = issued.bodyAsJsonObject();
        String code = code(ticket);

        HttpResponse<Buffer> state = anonymousGet("/api/v1/track/" + code);
        assertThat(state.statusCode()).as(state.bodyAsString()).isEqualTo(200);
        JsonObject json = state.bodyAsJsonObject();
        assertThat(json.getString("label")).isEqualTo(ticket.getString("label"));
        assertThat(json.getString("serviceName")).isEqualTo("Poli Umum");
        assertThat(json.getString("status")).isEqualTo("WAITING");
        // Budi (born 1958) is a priority patient: first in line, nobody ahead.
        assertThat(json.getInteger("ahead")).isZero();
        assertThat(json.getString("expiresAt")).isEqualTo("2026-12-08T00:00+08:00");
        // The one after them: two ahead, and the queue's own estimate (as the staff's view has it).
        JsonObject third = server.walkIn("UMUM");
        JsonObject behind = anonymousGet("/api/v1/track/" + code(third)).bodyAsJsonObject();
        assertThat(behind.getInteger("ahead")).isEqualTo(2);
        assertThat(behind.getInteger("estimatedWaitMinutes")).isPositive()
                .isEqualTo(third.getInteger("estimatedWaitMinutes"));

        HttpResponse<Buffer> page = anonymousGet("/t/" + code);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.getHeader("Content-Type")).startsWith("text/html");
        String stream;
        try (SseClient sse = SseClient.open(server, "/api/v1/track/" + code + "/events")) {
            assertThat(sse.status()).isEqualTo(200);
            stream = sse.next(Duration.ofSeconds(10)).encode();
        }
        assertThat(stream).contains(ticket.getString("label"));
        for (String body : new String[] {state.bodyAsString(), page.bodyAsString(), stream}) {
            assertThat(body).doesNotContain(CARD).doesNotContain(NIK).doesNotContainIgnoringCase(NAME)
                    .doesNotContainIgnoringCase("BUDI").doesNotContain(CARD.substring(CARD.length() - 4))
                    .doesNotContain("cardNumber").doesNotContain("nik").doesNotContain("eligibility");
        }
        // Nor the ticket's internal id, which would open the staff's API to guessing.
        assertThat(json.fieldNames()).doesNotContain("id", "ticketId", "trackingCode");
        assertThat(stream).doesNotContain("\"id\"");
    }

    @Test
    void guessedCodesFindNothingAndTheAnswerIsFriendly() {
        server = TestServer.start(MutableClock.at(MORNING));
        JsonObject ticket = server.walkIn("UMUM");
        String code = code(ticket);
        SecureRandom random = new SecureRandom();
        java.util.List<String> guesses = new java.util.ArrayList<>(java.util.List.of(
                Long.toString(ticket.getLong("id")), ticket.getString("label"), "1", "0", "A-001",
                code.substring(0, code.length() - 1), code + "A", code.toUpperCase(), code.toLowerCase(),
                "AAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAB"));
        // The real code with its last character changed: a near miss is a miss.
        char last = code.charAt(code.length() - 1);
        guesses.add(code.substring(0, code.length() - 1) + (last == 'A' ? 'B' : 'A'));
        for (int i = 0; i < 30; i++) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            guesses.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        for (String guess : guesses) {
            if (guess.equals(code)) {
                continue;
            }
            HttpResponse<Buffer> api = anonymousGet("/api/v1/track/" + guess);
            assertThat(api.statusCode()).as(guess).isEqualTo(404);
            assertThat(api.getHeader("Content-Type")).as(guess).startsWith("application/problem+json");
            assertThat(api.bodyAsJsonObject().getString("code")).as(guess).isEqualTo("TRACKING_NOT_FOUND");
            HttpResponse<Buffer> page = anonymousGet("/t/" + guess);
            assertThat(page.statusCode()).as(guess).isEqualTo(404);
            assertThat(page.getHeader("Content-Type")).as(guess).startsWith("text/html");
            assertThat(page.bodyAsString()).as(guess).contains("tidak ditemukan").doesNotContain(ticket.getString("label"));
            HttpResponse<Buffer> events = anonymousGet("/api/v1/track/" + guess + "/events");
            assertThat(events.statusCode()).as(guess).isEqualTo(404);
        }
    }

    @Test
    void manyTriesFromOneAddressAreRefusedWithRetryAfter() {
        Map<String, String> env = new HashMap<>(TestServer.env(id.antrean.testing.TestPostgres.newDatabaseUrl(), true));
        env.put("TRACK_RATE_LIMIT", "20");
        server = TestServer.start(env, MutableClock.at(MORNING));
        String code = code(server.walkIn("UMUM"));
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            HttpResponse<Buffer> r = anonymousGet(i % 2 == 0 ? "/api/v1/track/" + "x".repeat(22) + i : "/t/guess" + i);
            if (r.statusCode() == 429) {
                refused++;
                if (r.getHeader("Content-Type").startsWith("application/problem+json")) {
                    assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo("RATE_LIMITED");
                }
                assertThat(r.getHeader("Retry-After")).isNotNull();
            } else {
                assertThat(r.statusCode()).isEqualTo(404);
            }
        }
        assertThat(refused).isEqualTo(20);
        // The limit holds for the real code too: no exception for a lucky guess.
        HttpResponse<Buffer> api = anonymousGet("/api/v1/track/" + code);
        assertThat(api.statusCode()).isEqualTo(429);
        assertThat(api.getHeader("Content-Type")).startsWith("application/problem+json");
        assertThat(api.bodyAsJsonObject().getString("code")).isEqualTo("RATE_LIMITED");
    }

    @Test
    void theLinkExpiresAtTheFacilitysLocalMidnight() {
        // 23:30 in Makassar.
        MutableClock clock = MutableClock.at("2026-12-07T15:30:00Z");
        Map<String, String> env = new HashMap<>(TestServer.env(id.antrean.testing.TestPostgres.newDatabaseUrl(), true));
        // A short idle timeout: the stream's heartbeat, which also notices the day's end, comes every 333 ms.
        env.put("HTTP_IDLE_TIMEOUT_SECONDS", "1");
        server = TestServer.start(env, clock);
        String code = code(server.walkIn("UMUM"));
        assertThat(anonymousGet("/api/v1/track/" + code).statusCode()).isEqualTo(200);
        clock.set(java.time.Instant.parse("2026-12-07T15:59:59Z"));
        assertThat(anonymousGet("/api/v1/track/" + code).statusCode()).isEqualTo(200);
        assertThat(anonymousGet("/t/" + code).statusCode()).isEqualTo(200);
        SseClient open = SseClient.open(server, "/api/v1/track/" + code + "/events");
        open.until(m -> "WAITING".equals(m.getString("status")), Duration.ofSeconds(10));
        // Midnight in Makassar: 16:00 UTC, while it is still the same day in Jakarta and in UTC.
        clock.set(java.time.Instant.parse("2026-12-07T16:00:00Z"));
        // A phone still watching is told, and its stream ends.
        open.until(m -> m.getBoolean("gone", false), Duration.ofSeconds(10));
        open.close();
        HttpResponse<Buffer> api = anonymousGet("/api/v1/track/" + code);
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.bodyAsJsonObject().getString("code")).isEqualTo("TRACKING_NOT_FOUND");
        HttpResponse<Buffer> page = anonymousGet("/t/" + code);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.bodyAsString()).contains("tidak ditemukan");
        assertThat(anonymousGet("/api/v1/track/" + code + "/events").statusCode()).isEqualTo(404);
    }
}
