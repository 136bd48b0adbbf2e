package id.antrean.mobilejkn;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** README: bookings not checked in by closing time become no-shows, and BPJS hears the patient did not come. */
class NoShowSweepTest {
    // Wednesday 25 November 2026, 08:30 in Makassar (WITA); Poli Umum closes at 14:00 on Wednesdays in the demo.
    private final MutableClock clock = MutableClock.at("2026-11-25T00:30:00Z");
    private static final String TODAY = "2026-11-25";
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
    void aBookingNeverCheckedInBecomesANoShowAtClosingTimeOnceAndBpjsIsToldThePatientDidNotCome() {
        MobileJknCaller.response(mobileJkn.book("0001234567890", "7371011205580001", "001", TODAY));
        long ticket = server.count("SELECT ticket_id FROM ticket WHERE card_number = '0001234567890'");

        clock.advance(Duration.ofHours(5));         // 13:30: still open, still booked
        assertThat(server.sweepNoShows()).isZero();
        assertThat(status(ticket)).isEqualTo(0);

        clock.advance(Duration.ofMinutes(31));      // 14:01: the poli has closed
        assertThat(server.sweepNoShows()).isEqualTo(1);
        assertThat(server.sweepNoShows()).as("each booking changes once").isZero();

        assertThat(status(ticket)).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM queue_event WHERE type = 'TICKET_NO_SHOW' AND ticket_id = "
                + ticket)).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM bpjs_outbox WHERE kind = 'PANGGIL' AND ticket_id = " + ticket
                + " AND payload->>'status' = '2'")).as("antrean/panggil with status 2: did not come").isEqualTo(1);
    }

    /** 0 while booked, 1 once a no-show. */
    private long status(long ticket) {
        return server.count("SELECT CASE status WHEN 'BOOKED' THEN 0 WHEN 'NO_SHOW' THEN 1 ELSE 9 END FROM ticket"
                + " WHERE ticket_id = " + ticket);
    }
}
