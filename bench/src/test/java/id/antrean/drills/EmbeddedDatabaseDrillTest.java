package id.antrean.drills;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.bench.BenchFacilities;
import id.antrean.bench.Deadline;
import id.antrean.bench.Postgres;
import id.antrean.bench.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL, the default of a puskesmas PC, under the two crashes a real install survives: the server
 * killed with kill -9 (its postmaster left behind), and the postmaster killed under the running server.
 */
class EmbeddedDatabaseDrillTest {
    private static final int KIOSKS = 4;

    private Path work;

    @BeforeEach
    void freshWorkDir() throws Exception {
        work = Drill.workDir(getClass());
    }

    @Test
    void aServerKilledWithKillNineStartsAgainAtOnceOnItsOrphanedDatabaseAndKeepsEveryAcknowledgedTicket()
            throws Exception {
        int ticketsEach = Drill.times(25);
        Path data = work.resolve("data");
        try (ServerProcess server = ServerProcess.start(ServerProcess.env(null, data), work.resolve("server.log"));
             Postgres db = Postgres.ofServer(data);
             Kiosks kiosks = new Kiosks(server.base(), 1)) {
            BenchFacilities.seed(db, 1);
            kiosks.start("embedded-kill9", KIOSKS, ticketsEach, 2);
            int total = KIOSKS * ticketsEach;
            assertThat(Deadline.await(Duration.ofSeconds(60), () -> kiosks.acknowledgedCount() >= total / 3)).isTrue();

            long postmaster = postmasterPid(data).orElseThrow();
            server.kill9();
            int toldBeforeTheKill = kiosks.acknowledgedCount();
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive))
                    .as("the killed server left its PostgreSQL running").contains(true);

            long restarting = System.nanoTime();
            server.launchAgain();
            // Before the fix the first start after a kill waited 60 s for the orphan and failed.
            server.awaitHealthy(Duration.ofSeconds(30));
            double servingAfter = (System.nanoTime() - restarting) / 1e9;

            kiosks.awaitDone(Duration.ofSeconds(120));
            System.out.printf("embedded kill -9 drill: %d tickets, %d acknowledged before the kill, healthy %.2f s"
                    + " after the new start, orphan postmaster %d stopped%n", total, toldBeforeTheKill, servingAfter,
                    postmaster);

            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false))
                    .as("the orphan was stopped").isFalse();
            assertThat(kiosks.answers(a -> a.status() != 201 && a.status() != 200 && a.status() != 503))
                    .as("answers other than a ticket or 503").isEmpty();
            assertEveryAcknowledgedTicketOnceAndNumberedWithoutGaps(db, kiosks, total);
        }
    }

    @Test
    void aPostmasterKilledUnderLoadIsStartedAgainByTheServerAndNothingAcknowledgedIsLost() throws Exception {
        int ticketsEach = Drill.times(25);
        Path data = work.resolve("data");
        try (ServerProcess server = ServerProcess.start(ServerProcess.env(null, data), work.resolve("server.log"));
             Postgres db = Postgres.ofServer(data);
             Kiosks kiosks = new Kiosks(server.base(), 1)) {
            BenchFacilities.seed(db, 1);
            long serverPid = server.pid();
            kiosks.start("embedded-pmkill", KIOSKS, ticketsEach, 2);
            int total = KIOSKS * ticketsEach;
            assertThat(Deadline.await(Duration.ofSeconds(60), () -> kiosks.acknowledgedCount() >= total / 3)).isTrue();

            long postmaster = postmasterPid(data).orElseThrow();
            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
            long killed = System.nanoTime();
            int toldBeforeTheKill = kiosks.acknowledgedCount();

            assertThat(Deadline.await(Duration.ofSeconds(30), () -> postmasterPid(data)
                    .filter(pid -> pid != postmaster && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .isPresent() && server.health() == 200)).as("a new postmaster, and the server healthy").isTrue();
            assertThat(Deadline.await(Duration.ofSeconds(30), () -> kiosks.acknowledgedCount() > toldBeforeTheKill))
                    .as("tickets issued again").isTrue();
            double recoveredIn = (System.nanoTime() - killed) / 1e9;
            assertThat(Deadline.await(Duration.ofSeconds(30), () -> server.healthBody().contains("\"state\":\"UP\"")))
                    .as("/health: the embedded database up again").isTrue();
            String health = server.healthBody();

            kiosks.awaitDone(Duration.ofSeconds(120));
            System.out.printf("embedded postmaster-kill drill: %d tickets, %d answers 503, issuing again %.2f s after"
                    + " the kill; /health: %s%n", total, kiosks.answers(a -> a.status() == 503).size(), recoveredIn,
                    health);

            assertThat(server.pid()).as("the same server process throughout").isEqualTo(serverPid);
            assertThat(health).contains("\"restarts\":1").contains("\"state\":\"UP\"");
            assertThat(kiosks.answers(a -> a.status() >= 500 && a.status() != 503)).as("5xx other than 503").isEmpty();
            assertThat(kiosks.answers(a -> a.status() != 201 && a.status() != 200 && a.status() != 503))
                    .as("answers other than a ticket or 503").isEmpty();
            assertEveryAcknowledgedTicketOnceAndNumberedWithoutGaps(db, kiosks, total);
        }
    }

    private static void assertEveryAcknowledgedTicketOnceAndNumberedWithoutGaps(Postgres db, Kiosks kiosks, int total)
            throws Exception {
        assertThat(kiosks.acknowledged()).hasSize(total);
        assertThat(Ledger.ticketsOfKeys(db, kiosks.keys(), kiosks.acknowledged())).isEmpty();
        assertThat(Ledger.numbering(db)).isEmpty();
        assertThat(db.number("SELECT count(*) FROM ticket")).isEqualTo(total);
    }

    private static Optional<Long> postmasterPid(Path data) {
        try {
            return Optional.of(Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).strip()));
        } catch (Exception e) {
            return Optional.empty();      // absent or being rewritten
        }
    }
}
