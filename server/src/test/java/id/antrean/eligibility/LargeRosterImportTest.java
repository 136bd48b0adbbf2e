package id.antrean.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestPostgres;
import id.antrean.testing.TestServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A roster file at the size limit, most of it bad rows: the import reads it as a stream off the event loop, so
 * memory stays small, the report lists the first refusals only, and the server keeps answering meanwhile.
 */
class LargeRosterImportTest {
    private static final int LIMIT = 16 * 1024 * 1024;
    private static final int GOOD_ROWS = 100_000;
    private static TestServer server;

    @BeforeAll
    static void start() {
        Map<String, String> env = TestServer.env(TestPostgres.newDatabaseUrl(), true);
        // One event loop: were the import to block it, nothing else would be answered.
        env.put("HTTP_INSTANCES", "1");
        server = TestServer.start(env, MutableClock.at("2026-11-27T01:00:00Z"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The header, good rows (lines 2 to GOOD_ROWS + 1), then bad rows up to the limit. */
    private static Buffer fileAtTheLimit() {
        Buffer csv = Buffer.buffer(LIMIT);
        csv.appendString("nomor_kartu,nik,nama\n");
        for (int i = 0; i < GOOD_ROWS; i++) {
            csv.appendString("004%010d,,P\n".formatted(i));
        }
        Buffer bad = Buffer.buffer("x\n");
        while (csv.length() + bad.length() <= LIMIT) {
            csv.appendBuffer(bad);
        }
        return csv;
    }

    @Test
    void aFileAtTheLimitOfMostlyBadRowsImportsWhileTheServerKeepsAnswering() {
        Buffer csv = fileAtTheLimit();
        int badRows = (csv.length() - ("nomor_kartu,nik,nama\n".length() + GOOD_ROWS * "0040000000000,,P\n".length())) / 2;

        Future<HttpResponse<Buffer>> importing = server.as(server.login("admin"))
                .post("/api/v1/facilities/pkm-demo/roster").putHeader("Content-Type", "text/csv")
                .timeout(30_000).sendBuffer(csv);
        int answeredMeanwhile = 0;
        while (!importing.isComplete()) {
            HttpResponse<Buffer> health = server.anonymous().get("/health").timeout(30_000).send().await();
            if (!importing.isComplete()) {
                assertThat(health.statusCode()).isEqualTo(200);
                answeredMeanwhile++;
            }
            sleep(50);
        }
        HttpResponse<Buffer> response = importing.await();

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        // Sending the file takes a moment; reading and writing it takes longer, and other requests go on.
        assertThat(answeredMeanwhile).as("health answers during the import").isGreaterThanOrEqualTo(10);
        JsonObject report = response.bodyAsJsonObject();
        assertThat(report.getLong("rows")).isEqualTo(GOOD_ROWS + badRows);
        assertThat(report.getLong("added")).isEqualTo(GOOD_ROWS);
        assertThat(report.getLong("rejectedCount")).isEqualTo(badRows);
        assertThat(report.getBoolean("rejectedTruncated")).isTrue();
        JsonArray rejected = report.getJsonArray("rejected");
        assertThat(rejected).hasSize(100);
        assertThat(rejected.getJsonObject(0).getInteger("line")).isEqualTo(GOOD_ROWS + 2);
        assertThat(rejected.getJsonObject(99).getInteger("line")).isEqualTo(GOOD_ROWS + 101);
        assertThat(rejected.getJsonObject(0).getString("code")).isEqualTo("INVALID_CARD_NUMBER");
        assertThat(response.body().length()).as("report size").isLessThan(64 * 1024);
        assertThat(server.count("SELECT count(*) FROM roster_participant WHERE card_number LIKE '004%'"))
                .isEqualTo(GOOD_ROWS);
    }

    @Test
    void aFileOverTheLimitIsRefusedWhole() {
        Buffer csv = Buffer.buffer("nomor_kartu\n");
        while (csv.length() <= LIMIT) {
            csv.appendString("0050000000001\n");
        }

        HttpResponse<Buffer> response = server.as(server.login("admin"))
                .post("/api/v1/facilities/pkm-demo/roster").putHeader("Content-Type", "text/csv")
                .timeout(30_000).sendBuffer(csv).await();

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(server.count("SELECT count(*) FROM roster_participant WHERE card_number LIKE '005%'")).isZero();
    }

    @Test
    void anEmptyUploadIsAFileWithoutAHeader() {
        HttpResponse<Buffer> response = server.as(server.login("admin"))
                .post("/api/v1/facilities/pkm-demo/roster").putHeader("Content-Type", "text/csv")
                .timeout(30_000).sendBuffer(Buffer.buffer()).await();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("ROSTER_HEADER_INVALID");
    }

    @Test
    void anUploadRefusedBeforeItsBodyIsReadIsAnsweredAtOnce() {
        // The body waits, paused, through the access check: a refusal must not leave the client waiting.
        HttpResponse<Buffer> response = server.anonymous()
                .post("/api/v1/facilities/pkm-demo/roster").putHeader("Content-Type", "text/csv")
                .timeout(30_000).sendBuffer(Buffer.buffer("nomor_kartu\n0050000000002\n")).await();

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("AUTH_REQUIRED");
        assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
