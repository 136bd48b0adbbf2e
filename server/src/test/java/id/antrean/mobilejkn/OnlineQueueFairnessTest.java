package id.antrean.mobilejkn;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's fairness rule: everyone stands in line from when they are here, a booked patient not before
 * the time estimated at booking; only patients who are here are called.
 */
class OnlineQueueFairnessTest {
    // Wednesday 25 November 2026, 08:30 in Makassar (WITA).
    private final MutableClock clock = MutableClock.at("2026-11-25T00:30:00Z");
    private static final String TODAY = "2026-11-25";
    private static final String BUDI = "0001234567890";
    private static final String BUDI_NIK = "7371011205580001";
    private static final String ROOM = "R-UMUM-1";
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
    void aBookedPatientWhoComesEarlyWaitsForTheirEstimatedTimeWhileWalkInsWhoAreHereGoFirst() {
        List<String> walkIns = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            walkIns.add(server.walkIn("UMUM").getString("label"));
        }
        String booked = bookBudi();
        Instant estimated = estimatedAtOfBudi();
        assertThat(estimated).as("six people ahead: the booking is expected later").isAfter(clock.instant().plus(Duration.ofMinutes(10)));

        clock.advance(Duration.ofMinutes(5));
        checkInBudi();
        clock.advance(Duration.ofMinutes(1));
        String cameAfterBudi = server.walkIn("UMUM").getString("label");

        // Everyone who is here before Budi's time is called first, even the one who came after him.
        List<String> calledFirst = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            calledFirst.add(callNext());
        }
        assertThat(calledFirst).containsExactlyElementsOf(concat(walkIns, cameAfterBudi));
        // His time has not come: the room is told the line is empty rather than called early.
        HttpResponse<Buffer> tooEarly = server.counter(ROOM, "call-next", null);
        assertThat(tooEarly.statusCode()).as(tooEarly.bodyAsString()).isEqualTo(409);
        assertThat(tooEarly.bodyAsJsonObject().getString("code")).isEqualTo("QUEUE_EMPTY");

        clock.set(estimated);
        assertThat(callNext()).isEqualTo(booked);
    }

    @Test
    void aBookedPatientWhoComesLateJoinsAtOnceBehindThoseAlreadyWaitingAndAheadOfThoseWhoComeAfter() {
        String booked = bookBudi();
        assertThat(booked).isEqualTo("A-001");
        clock.advance(Duration.ofMinutes(1));
        String first = server.walkIn("UMUM").getString("label");
        clock.advance(Duration.ofMinutes(30));
        String second = server.walkIn("UMUM").getString("label");
        clock.advance(Duration.ofMinutes(5));
        checkInBudi();
        clock.advance(Duration.ofMinutes(1));
        String afterBudi = server.walkIn("UMUM").getString("label");

        assertThat(List.of(callNext(), callNext(), callNext(), callNext()))
                .containsExactly(first, second, booked, afterBudi);
    }

    @Test
    void aBookingThatNeverChecksInIsNeverCalledAndKeepsItsNumber() {
        String booked = bookBudi();
        clock.advance(Duration.ofHours(1));
        String walkIn = server.walkIn("UMUM").getString("label");

        assertThat(callNext()).isEqualTo(walkIn);
        HttpResponse<Buffer> empty = server.counter(ROOM, "call-next", null);
        assertThat(empty.statusCode()).as(empty.bodyAsString()).isEqualTo(409);
        assertThat(server.count("SELECT count(*) FROM ticket WHERE status = 'BOOKED' AND card_number = '" + BUDI
                + "' AND number = " + Integer.parseInt(booked.substring(2)))).isEqualTo(1);
    }

    @Test
    void theTicketSaysWhenTheBookedPatientCheckedInAndSinceWhenTheyStandInLine() {
        for (int i = 0; i < 6; i++) {
            server.walkIn("UMUM");
        }
        bookBudi();
        Instant estimated = estimatedAtOfBudi();
        assertThat(estimated).isAfter(clock.instant().plus(Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(2));
        JsonObject early = checkInBudi();
        assertThat(instant(early, "checkedInAt")).isEqualTo(clock.instant());
        assertThat(instant(early, "lineAt")).as("came early: in line from the estimated time").isEqualTo(estimated);

        JsonObject late = server.walkIn("UMUM");
        assertThat(instant(late, "lineAt")).isEqualTo(instant(late, "issuedAt"));
        assertThat(early.getJsonArray("allowedActions").getList()).containsExactly("call", "cancel");
    }

    private static Instant instant(JsonObject ticket, String field) {
        return java.time.OffsetDateTime.parse(ticket.getString(field)).toInstant();
    }

    private String bookBudi() {
        JsonObject answer = MobileJknCaller.response(mobileJkn.book(BUDI, BUDI_NIK, "001", TODAY));
        return answer.getString("nomorantrean");
    }

    private Instant estimatedAtOfBudi() {
        long epoch = server.count("SELECT extract(epoch FROM estimated_at)::bigint FROM ticket WHERE card_number = '"
                + BUDI + "' AND service_date = '" + TODAY + "'");
        return Instant.ofEpochSecond(epoch);
    }

    private JsonObject checkInBudi() {
        long ticket = server.count("SELECT ticket_id FROM ticket WHERE card_number = '" + BUDI + "'");
        HttpResponse<Buffer> checkedIn = server.post("/api/v1/facilities/pkm-demo/tickets/" + ticket + "/check-in", null);
        assertThat(checkedIn.statusCode()).as(checkedIn.bodyAsString()).isEqualTo(200);
        return checkedIn.bodyAsJsonObject();
    }

    private String callNext() {
        HttpResponse<Buffer> called = server.counter(ROOM, "call-next", null);
        assertThat(called.statusCode()).as(called.bodyAsString()).isEqualTo(200);
        return called.bodyAsJsonObject().getString("label");
    }

    private static List<String> concat(List<String> list, String last) {
        List<String> all = new ArrayList<>(list);
        all.add(last);
        return all;
    }
}
