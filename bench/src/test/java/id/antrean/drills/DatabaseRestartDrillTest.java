package id.antrean.drills;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.bench.BenchFacilities;
import id.antrean.bench.Deadline;
import id.antrean.bench.Postgres;
import id.antrean.bench.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted under a load of issuances: the server stays up, answers 503 with Retry-After (never a
 * 500) while the database is away, says so on /health, and serves again by itself once it is back.
 */
class DatabaseRestartDrillTest {
    private static final int KIOSKS = 6;

    /** What the drill did to the database when a /health answer came. */
    enum Database { UP, STOPPING, DOWN, STARTING, BACK }

    record HealthSample(Database database, int status) {
    }

    private Path work;

    @BeforeEach
    void freshWorkDir() throws Exception {
        work = Drill.workDir(getClass());
    }

    private static long samplesWhile(List<HealthSample> health, Database state) {
        synchronized (health) {
            return health.stream().filter(s -> s.database() == state).count();
        }
    }

    @Test
    void duringADatabaseRestartTheServerAnswers503WithRetryAfterNever500AndRecoversByItself() throws Exception {
        int ticketsEach = Drill.times(30);
        AtomicReference<Database> database = new AtomicReference<>(Database.UP);
        List<HealthSample> health = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean watching = new AtomicBoolean(true);
        try (Postgres db = Postgres.start(work.resolve("postgres"));
             ServerProcess server = ServerProcess.start(ServerProcess.env(db.url(), work.resolve("data")),
                     work.resolve("server.log"));
             Kiosks kiosks = new Kiosks(server.base(), 1)) {
            BenchFacilities.seed(db, 1);
            long pid = server.pid();
            Thread watcher = Thread.ofVirtual().start(() -> {
                while (watching.get()) {
                    Database before = database.get();
                    int status = server.health(Duration.ofSeconds(10));
                    if (before == database.get()) {
                        health.add(new HealthSample(before, status));
                    }
                    LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
                }
            });
            kiosks.start("pgrestart", KIOSKS, ticketsEach, 2);
            int total = KIOSKS * ticketsEach;
            assertThat(Deadline.await(Duration.ofSeconds(60), () -> kiosks.acknowledgedCount() >= total / 4)).isTrue();

            database.set(Database.STOPPING);
            db.stop();
            database.set(Database.DOWN);
            // The database stays away until every kiosk was refused and /health was asked a few times.
            assertThat(Deadline.await(Duration.ofSeconds(20),
                    () -> kiosks.answers(a -> a.status() == 503).size() >= KIOSKS
                            && samplesWhile(health, Database.DOWN) >= 3)).as("503s while down").isTrue();
            int toldWhileDown = kiosks.acknowledgedCount();

            database.set(Database.STARTING);
            db.restart();
            long restarted = System.nanoTime();
            assertThat(Deadline.await(Duration.ofSeconds(30), () -> server.health() == 200)).isTrue();
            database.set(Database.BACK);
            assertThat(Deadline.await(Duration.ofSeconds(30), () -> kiosks.acknowledgedCount() > toldWhileDown))
                    .as("tickets issued again").isTrue();
            double recoveredIn = (System.nanoTime() - restarted) / 1e9;

            kiosks.awaitDone(Duration.ofSeconds(120));
            watching.set(false);
            watcher.join(Duration.ofSeconds(10));
            System.out.printf("database restart drill: %d tickets, %d answers 503, back to issuing %.2f s after the"
                            + " database started again, %d /health samples%n", total,
                    kiosks.answers(a -> a.status() == 503).size(), recoveredIn, health.size());

            assertThat(server.alive()).isTrue();
            assertThat(server.pid()).as("the same process throughout").isEqualTo(pid);
            assertThat(kiosks.answers(a -> a.status() >= 500 && a.status() != 503)).as("5xx other than 503").isEmpty();
            assertThat(kiosks.answers(a -> a.status() != 503 && a.status() != 201 && a.status() != 200))
                    .as("answers other than a ticket or 503").isEmpty();
            assertThat(kiosks.answers(a -> a.status() == 503))
                    .allSatisfy(a -> {
                        assertThat(a.retryAfter()).as("Retry-After of " + a.key()).isNotBlank();
                        assertThat(a.body()).contains("\"code\":\"DATABASE_UNAVAILABLE\"");
                    });
            assertThat(recoveredIn).as("seconds to recover").isLessThan(15);

            List<HealthSample> samples;
            synchronized (health) {
                samples = List.copyOf(health);
            }
            assertThat(samples).filteredOn(s -> s.database() == Database.UP).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.status()).isEqualTo(200));
            assertThat(samples).filteredOn(s -> s.database() == Database.DOWN).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.status()).isEqualTo(503));
            assertThat(samples).filteredOn(s -> s.database() == Database.BACK).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.status()).isEqualTo(200));

            assertThat(kiosks.acknowledged()).hasSize(total);
            assertThat(Ledger.ticketsOfKeys(db, kiosks.keys(), kiosks.acknowledged())).isEmpty();
            assertThat(Ledger.numbering(db)).isEmpty();
        }
    }
}
