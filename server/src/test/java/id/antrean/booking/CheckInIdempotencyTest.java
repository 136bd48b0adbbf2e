package id.antrean.booking;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.mobilejkn.MobileJknCaller;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kiosk retries a check-in whose answer it lost: the same check-in again answers as the first did, and
 * changes nothing more (no second event, audit entry or outbox message); two at once make one check-in.
 */
class CheckInIdempotencyTest {
    // Wednesday 25 November 2026, 08:30 in Makassar (WITA).
    private final MutableClock clock = MutableClock.at("2026-11-25T00:30:00Z");
    private static final String TODAY = "2026-11-25";
    private static final String BUDI = "0001234567890";
    private static final String BUDI_NIK = "7371011205580001";
    private TestServer server;
    private MobileJknCaller mobileJkn;

    @BeforeEach
    void start() {
        server = TestServer.start(clock);
        mobileJkn = new MobileJknCaller(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theKioskRetryingACheckInGetsTheSameTicketAndNothingIsWrittenTwice() {
        long ticket = bookBudi();
        WebClient kiosk = server.as(server.kioskToken("pkm-demo"));

        HttpResponse<Buffer> first = checkIn(kiosk, ticket).await();
        assertThat(first.statusCode()).as(first.bodyAsString()).isEqualTo(200);
        long events = checkInEvents(ticket);
        long audits = checkInAudits(ticket);
        long outbox = outboxOf(ticket);

        clock.advance(Duration.ofSeconds(9)); // the kiosk's timeout passed, its retry comes
        HttpResponse<Buffer> again = checkIn(kiosk, ticket).await();

        assertThat(again.statusCode()).as(again.bodyAsString()).isEqualTo(first.statusCode());
        assertThat(again.bodyAsJsonObject()).isEqualTo(first.bodyAsJsonObject());
        assertThat(again.bodyAsJsonObject().getString("status")).isEqualTo("WAITING");
        assertThat(events).isEqualTo(1);
        assertThat(checkInEvents(ticket)).as("no second TICKET_CHECKED_IN").isEqualTo(1);
        assertThat(audits).isEqualTo(1);
        assertThat(checkInAudits(ticket)).as("no second CHECK_IN audit entry").isEqualTo(1);
        assertThat(outboxOf(ticket)).as("no second message to BPJS").isEqualTo(outbox);
    }

    @Test
    void aCheckInRepeatedByTheReceptionistAfterTheKioskAnswersWithTheTicketAsItStands() {
        long ticket = bookBudi();
        WebClient kiosk = server.as(server.kioskToken("pkm-demo"));
        assertThat(checkIn(kiosk, ticket).await().statusCode()).isEqualTo(200);

        HttpResponse<Buffer> atDesk = checkIn(server.client(), ticket).await();

        assertThat(atDesk.statusCode()).as(atDesk.bodyAsString()).isEqualTo(200);
        assertThat(atDesk.bodyAsJsonObject().getLong("id")).isEqualTo(ticket);
        assertThat(atDesk.bodyAsJsonObject().getString("status")).isEqualTo("WAITING");
        assertThat(checkInEvents(ticket)).isEqualTo(1);
    }

    @Test
    void twoCheckInsAtOnceMakeOneCheckInAndBothAnswerWithTheSameTicket() {
        long ticket = bookBudi();
        WebClient kiosk = server.as(server.kioskToken("pkm-demo"));

        List<HttpResponse<Buffer>> answers = Future.all(checkIn(kiosk, ticket), checkIn(server.client(), ticket))
                .await().list();

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 200);
        JsonObject one = answers.get(0).bodyAsJsonObject();
        JsonObject other = answers.get(1).bodyAsJsonObject();
        assertThat(one).isEqualTo(other);
        assertThat(checkInEvents(ticket)).isEqualTo(1);
        assertThat(checkInAudits(ticket)).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM ticket WHERE ticket_id = " + ticket
                + " AND status = 'WAITING' AND checked_in_at IS NOT NULL")).isEqualTo(1);
    }

    @Test
    void aTicketThatWasNeverABookingIsStillRefused() {
        long walkIn = server.walkIn("UMUM").getLong("id");

        HttpResponse<Buffer> refused = checkIn(server.client(), walkIn).await();

        assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(409);
        assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("NOT_BOOKED");
        assertThat(checkInEvents(walkIn)).isZero();
    }

    private Future<HttpResponse<Buffer>> checkIn(WebClient client, long ticket) {
        return client.post("/api/v1/facilities/pkm-demo/tickets/" + ticket + "/check-in").send();
    }

    private long bookBudi() {
        MobileJknCaller.response(mobileJkn.book(BUDI, BUDI_NIK, "001", TODAY));
        return server.count("SELECT ticket_id FROM ticket WHERE card_number = '" + BUDI + "'");
    }

    private long checkInEvents(long ticket) {
        return server.count("SELECT count(*) FROM queue_event WHERE type = 'TICKET_CHECKED_IN' AND ticket_id = " + ticket);
    }

    private long checkInAudits(long ticket) {
        return server.count("SELECT count(*) FROM audit_log WHERE action = 'CHECK_IN' AND ticket_id = " + ticket);
    }

    private long outboxOf(long ticket) {
        return server.count("SELECT count(*) FROM bpjs_outbox WHERE ticket_id = " + ticket);
    }
}
