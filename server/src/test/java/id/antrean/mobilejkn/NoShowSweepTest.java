package id.antrean.mobilejkn;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.booking.NoShowSweep;
import id.antrean.db.Database;
import id.antrean.testing.CountingPool;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
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

    /**
     * A district server hosts hundreds of facilities: a sweep asks once for all of them which have bookings due, and
     * opens a transaction only in those, so its statements do not grow with the count (it used to be two per
     * facility every minute, bookings or not).
     */
    @Test
    void aSweepOverManyFacilitiesAsksOnceForAllAndWritesOnlyWhereABookingIsDue() {
        server.sql("""
                INSERT INTO facility (code, name, time_zone)
                SELECT 'pkm-district-' || f, 'Puskesmas ' || f, 'Asia/Makassar' FROM generate_series(1, 40) f""");
        server.sql("""
                INSERT INTO service (facility_id, code, name, prefix)
                SELECT facility_id, 'UMUM', 'Poli Umum', 'A' FROM facility WHERE code LIKE 'pkm-district-%'""");
        server.sql("""
                INSERT INTO service_schedule (facility_id, service_id, weekday, opens_at, closes_at)
                SELECT facility_id, service_id, 3, '07:30', '12:00' FROM service JOIN facility USING (facility_id)
                WHERE facility.code LIKE 'pkm-district-%'""");
        MobileJknCaller.response(mobileJkn.book("0001234567890", "7371011205580001", "001", TODAY));
        long ticket = server.count("SELECT ticket_id FROM ticket WHERE card_number = '0001234567890'");
        long facilities = server.count("SELECT count(*) FROM facility");
        Vertx vertx = Vertx.vertx();
        try {
            CountingPool counted = new CountingPool(PgBuilder.pool()
                    .connectingTo(Database.fromUrl(server.databaseUrl()).connectOptions()).using(vertx).build());
            NoShowSweep sweep = new NoShowSweep(vertx, counted.pool(), clock);

            clock.advance(Duration.ofHours(5));         // 13:30: the district's polis have closed, the demo's not
            assertThat(sweep.runOnce().await()).isZero();
            assertThat(counted.take()).as("nothing due in %d facilities: one statement", facilities).isEqualTo(1);

            clock.advance(Duration.ofMinutes(31));      // 14:01: the demo's Poli Umum has closed
            assertThat(sweep.runOnce().await()).isEqualTo(1);
            assertThat(counted.take()).as("one facility with a booking due: its transaction only")
                    .isLessThanOrEqualTo(6);
            assertThat(status(ticket)).isEqualTo(1);
            assertThat(server.count("SELECT count(*) FROM queue_event WHERE type = 'TICKET_NO_SHOW' AND ticket_id = "
                    + ticket)).isEqualTo(1);
        } finally {
            vertx.close().await();
        }
    }

    /** 0 while booked, 1 once a no-show. */
    private long status(long ticket) {
        return server.count("SELECT CASE status WHEN 'BOOKED' THEN 0 WHEN 'NO_SHOW' THEN 1 ELSE 9 END FROM ticket"
                + " WHERE ticket_id = " + ticket);
    }
}
