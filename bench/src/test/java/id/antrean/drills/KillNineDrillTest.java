package id.antrean.drills;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.bench.BenchFacilities;
import id.antrean.bench.Deadline;
import id.antrean.bench.Postgres;
import id.antrean.bench.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the server while kiosks take tickets, then a restart: what the kiosks were told holds, every key
 * they retried has exactly one ticket, and no number is missing or doubled.
 */
class KillNineDrillTest {
    private static final int KIOSKS = 6;

    private Path work;

    @BeforeEach
    void freshWorkDir() throws Exception {
        work = Drill.workDir(getClass());
    }

    @Test
    void afterAKillNineMidLoadEveryAcknowledgedTicketIsThereAndEachRetriedKeyHasExactlyOneTicket() throws Exception {
        int ticketsEach = Drill.times(30);
        try (Postgres db = Postgres.start(work.resolve("postgres"));
             ServerProcess server = ServerProcess.start(ServerProcess.env(db.url(), work.resolve("data")),
                     work.resolve("server.log"))) {
            BenchFacilities.seed(db, 1);
            try (Kiosks kiosks = new Kiosks(server.base(), 1)) {
                // Two polis for six kiosks: the numbering is contended.
                kiosks.start("kill9", KIOSKS, ticketsEach, 2);
                int total = KIOSKS * ticketsEach;
                assertThat(Deadline.await(Duration.ofSeconds(60), () -> kiosks.acknowledgedCount() >= total / 3))
                        .as("a third of the tickets issued before the kill").isTrue();

                server.kill9();
                int toldBeforeTheKill = kiosks.acknowledgedCount();
                server.restart();

                kiosks.awaitDone(Duration.ofSeconds(120));
                System.out.printf("kill -9 drill: %d tickets, %d acknowledged before the kill, %d requests unanswered"
                                + " and sent again, %d answered by replay (200)%n", total, toldBeforeTheKill,
                        kiosks.unanswered(), kiosks.answers(a -> a.status() == 200).size());

                assertThat(toldBeforeTheKill).as("the kill came mid-load").isLessThan(total);
                assertThat(kiosks.unanswered()).as("requests the kill cut or refused").isPositive();
                assertThat(kiosks.answers(a -> a.status() != 201 && a.status() != 200))
                        .as("answers other than a ticket").isEmpty();
                assertThat(kiosks.acknowledged()).hasSize(total);
                assertThat(Ledger.ticketsOfKeys(db, kiosks.keys(), kiosks.acknowledged())).isEmpty();
                assertThat(Ledger.numbering(db)).isEmpty();
                assertThat(db.number("SELECT count(*) FROM ticket")).isEqualTo(total);
            }
        }
    }
}
