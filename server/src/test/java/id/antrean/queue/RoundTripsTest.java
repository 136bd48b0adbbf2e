package id.antrean.queue;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.auth.Actor;
import id.antrean.auth.Principal;
import id.antrean.facility.Facility;
import id.antrean.facility.FacilityDirectory;
import id.antrean.testing.CountedPool;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How many times the board, an issuance and a call wait for PostgreSQL's answer before they can go on (issue #18): each wait is
 * a round trip the request pays in latency, whatever PostgreSQL's own cost. Counted on the wire, through a relay,
 * with the node's own pool settings, on a warm session (statements already prepared).
 */
class RoundTripsTest {
    private final MutableClock clock = MutableClock.at("2026-12-07T01:00:00Z");
    private TestServer server;
    private CountedPool wire;
    private Pool pool;
    private Facility facility;

    @BeforeEach
    void start() {
        server = TestServer.start(clock);
        wire = CountedPool.to(server);
        pool = wire.pool();
        facility = new FacilityDirectory(pool).facility(TestServer.DEMO).await();
        for (int i = 0; i < 5; i++) {
            server.walkIn("UMUM");
        }
    }

    @AfterEach
    void stop() {
        wire.close();
        server.close();
    }

    @Test
    void theBoardReadsItsSnapshotInTwoRoundTripsBeginWithTheReadsAndCommit() {
        QueueBoard board = new QueueBoard(pool, new WaitEstimator(pool, clock), clock);
        board.board(facility).await();
        board.board(facility).await();
        wire.take();

        board.board(facility).await();

        // Was 8: begin, the isolation level, the last event id, the services, the open tickets, the closures, the
        // recent calls and the commit, each waiting for the one before; then 3, begin waited for on its own.
        assertThat(wire.take()).isEqualTo(2);
    }

    @Test
    void aWalkInIsIssuedInThreeRoundTripsBeginWithTheServiceAndItsClosuresTheIssueAndCommit() {
        TicketIssuer issuer = new TicketIssuer(pool, null, clock);
        Principal desk = Principal.operator(1, "Uji", "uji");
        issuer.issue(facility, walkIn(), "warm-1", desk).await();
        issuer.issue(facility, walkIn(), "warm-2", desk).await();
        wire.take();

        TicketIssuer.Issued issued = issuer.issue(facility, walkIn(), "measured", desk).await();

        assertThat(issued.created()).isTrue();
        // Was 5: the day's closures were read after the service, waiting for it; then 4, begin waited for on its own.
        assertThat(wire.take()).isEqualTo(3);
    }

    @Test
    void callNextEndingTheCurrentTicketWaitsForPostgresqlAtMostSixTimes() {
        CounterDesk desk = new CounterDesk(pool, clock);
        desk.callNext(facility, "R-UMUM-1", Actor.SYSTEM).await();
        desk.callNext(facility, "R-UMUM-1", Actor.SYSTEM).await();
        wire.take();

        Ticket called = desk.callNext(facility, "R-UMUM-1", Actor.SYSTEM).await();

        assertThat(called.status()).isEqualTo(TicketStatus.CALLED);
        // Was 17: every statement waited for the one before, the previous ticket's no-show and the call's event,
        // audit entry, BPJS report and patient notices included; then 8, the facility's priority rule and its streak
        // of priority calls read before the next ticket, each waiting for the one before; then 7, begin waited for on
        // its own.
        assertThat(wire.take()).isLessThanOrEqualTo(6);
    }

    private static TicketRequest walkIn() {
        return TicketRequest.from(new JsonObject().put("service", "UMUM").put("payer", "UMUM"));
    }
}
