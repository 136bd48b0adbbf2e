package id.antrean.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.antrean.bench.BenchFacilities;
import id.antrean.bench.Deadline;
import id.antrean.bench.Postgres;
import id.antrean.bench.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The district server's HA layout (docs/DEPLOYMENT.md, deploy/ha/): etcd, three PostgreSQL nodes under Patroni in
 * synchronous mode, HAProxy routing to the primary, two Antrean nodes with {@code DATABASE_URL} at HAProxy. Kiosks
 * take tickets on both nodes (Idempotency-Key, retried until answered), a receptionist calls, screens on both
 * nodes follow the events. Then: kill -9 of the primary database node; later kill -9 of one Antrean node; later a
 * planned switchover with patronictl. Nothing acknowledged may be lost, no number duplicated or skipped, no
 * screen may miss an event. Also measures what synchronous replication costs in issuance throughput.
 *
 * <p>Runs with {@code bench/run drills} ({@code -Ddrill.ha=true}, three runs in a row); skipped otherwise, and
 * skipped with the reason when etcd, Patroni, HAProxy or PostgreSQL 15 are not installed.
 */
class HaDrillTest {
    private static final int FACILITY = 1;
    private static final int KIOSKS = 4;
    private static final int SCREENS = 10;
    private static final Duration KIOSK_PAUSE = Duration.ofMillis(100);
    private static final String DESK_TOKEN = "ha-drill-desk-token-0123456789abcdef";
    private static final String SCREEN_TOKEN = "ha-drill-screen-token-0123456789abcdef";

    /** One run's figures. */
    record Figures(double syncTicketsPerSecond, double asyncTicketsPerSecond, double afterPrimaryKilled,
                   double afterNodeKilled, double afterSwitchover, int tickets, int answers503, int unanswered,
                   int calls, long events, int screens, int screenReconnections) {
        /** A row of the table; made only once the run's assertions held, so lost, duplicated and skipped are 0. */
        String row(int run) {
            return "| %d | %.2f s | %.2f s | %.2f s | %d | 0 | 0 | 0 | 0 of %d on %d screens (%d reconnections) | %d | %d | %.0f/s | %.0f/s (%.0f %%) |"
                    .formatted(run, afterPrimaryKilled, afterNodeKilled, afterSwitchover, tickets, events, screens,
                            screenReconnections, answers503, calls, syncTicketsPerSecond, asyncTicketsPerSecond,
                            100 * (1 - syncTicketsPerSecond / asyncTicketsPerSecond));
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aDistrictServerRidesThroughTheLossOfItsPrimaryOfAServerNodeAndASwitchoverLosingNothing() throws Exception {
        assumeTrue(Boolean.getBoolean("drill.ha"),
                "the HA drill runs with bench/run drills (-Ddrill.ha=true): it starts etcd, Patroni and HAProxy");
        Optional<String> missing = HaCluster.missing();
        assumeTrue(missing.isEmpty(), () -> "HA drill skipped: " + missing.orElseThrow());
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve(HaCluster.CONFIG).resolve("patroni.yml")).exists();

        Path work = Drill.workDir(getClass());
        int runs = Integer.getInteger("drill.ha.runs", 1);
        List<String> rows = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Figures figures = oneRun(Files.createDirectories(work.resolve("run-" + run)), root);
            rows.add(figures.row(run));
            System.out.println("HA drill run " + run + ": " + figures);
        }
        String report = """
                HA drill, %s, %d run(s) in a row, all passed:

                | Run | Issuing again after kill -9 of the primary | … of an Antrean node | … a planned switchover | Tickets acknowledged | Lost | Duplicated | Skipped | Screen events missed | 503 answers (retried) | Calls | Issuance, synchronous | Asynchronous (cost) |
                |---|---|---|---|---|---|---|---|---|---|---|---|---|
                %s
                """.formatted(Instant.now(), runs, String.join("\n", rows));
        Files.writeString(work.resolve("report.md"), report);
        System.out.println(report);
    }

    private Figures oneRun(Path work, Path root) throws Exception {
        try (HaCluster cluster = HaCluster.start(work, root)) {
            Postgres db = cluster.database();
            db.execute("postgres", "CREATE DATABASE " + Postgres.DATABASE + " ENCODING 'UTF8'");
            try (ServerProcess a = ServerProcess.start(ServerProcess.env(HaCluster.databaseUrl(), work.resolve("a")),
                    work.resolve("a.log"));
                 ServerProcess b = ServerProcess.start(ServerProcess.env(HaCluster.databaseUrl(), work.resolve("b")),
                         work.resolve("b.log"))) {
                BenchFacilities.seed(db, FACILITY);
                seedDeskAndScreen(db);

                // The price of "no acknowledged ticket lost": each commit waits for the synchronous standby.
                // Measured twice each way, alternately, after a warm-up of the node.
                throughput(a, "warm-up");
                double sync = 0;
                double async = 0;
                for (int round = 0; round < 2; round++) {
                    sync += throughput(a, "sync-" + round) / 2;
                    cluster.synchronousMode(false);
                    async += throughput(a, "async-" + round) / 2;
                    cluster.synchronousMode(true);
                }
                assertThat(Deadline.await(Duration.ofSeconds(30), () -> cluster.synchronousStandby().isPresent())).isTrue();

                List<String> nodes = List.of(a.base(), b.base());
                try (ResumingScreens screens = new ResumingScreens(nodes, BenchFacilities.code(FACILITY), SCREEN_TOKEN,
                        SCREENS);
                     Kiosks kiosks = new Kiosks(nodes, FACILITY);
                     Desk desk = new Desk(nodes)) {
                    kiosks.startPaced("ha", KIOSKS, BenchFacilities.POLIS, KIOSK_PAUSE);
                    awaitMore(kiosks, 40);

                    String primary = cluster.leader().orElseThrow();
                    long killed = System.nanoTime();
                    cluster.killNode(primary);
                    issuingAgainAfter(kiosks, killed);
                    assertThat(Deadline.await(Duration.ofSeconds(60), () -> cluster.synchronousStandby().isPresent()))
                            .as("a new synchronous standby").isTrue();
                    awaitMore(kiosks, 40);
                    double afterPrimary = longestPause(kiosks, killed, System.nanoTime());

                    long nodeKilled = System.nanoTime();
                    a.kill9();
                    issuingAgainAfter(kiosks, nodeKilled);
                    awaitMore(kiosks, 40);
                    double afterNode = longestPause(kiosks, nodeKilled, System.nanoTime());

                    assertThat(Deadline.await(Duration.ofSeconds(60),
                            () -> cluster.leader().isPresent() && cluster.synchronousStandby().isPresent()))
                            .as("a primary and a synchronous standby to switch over to: " + cluster.cluster()).isTrue();
                    String leader = cluster.leader().orElseThrow();
                    String candidate = cluster.synchronousStandby().orElseThrow();
                    long switched = System.nanoTime();
                    cluster.switchover(leader, candidate);
                    assertThat(Deadline.await(Duration.ofSeconds(30),
                            () -> cluster.leader().equals(Optional.of(candidate)))).isTrue();
                    issuingAgainAfter(kiosks, System.nanoTime());
                    awaitMore(kiosks, 40);
                    double afterSwitchover = longestPause(kiosks, switched, System.nanoTime());

                    kiosks.stop();
                    kiosks.awaitDone(Duration.ofSeconds(120));
                    desk.close();
                    long lastEvent = db.number("SELECT c.last_event_id FROM facility_event_counter c"
                            + " JOIN facility f USING (facility_id) WHERE f.code = '" + BenchFacilities.code(FACILITY) + "'");
                    assertThat(screens.awaitAll(lastEvent, Duration.ofSeconds(30)))
                            .as("every screen reached event " + lastEvent).isTrue();

                    assertThat(kiosks.answers(r -> r.status() >= 500 && r.status() != 503)).as("5xx other than 503").isEmpty();
                    assertThat(kiosks.answers(r -> r.status() != 503 && r.status() != 201 && r.status() != 200))
                            .as("answers other than a ticket or 503").isEmpty();
                    assertThat(kiosks.answers(r -> r.status() == 503)).allSatisfy(r -> {
                        assertThat(r.retryAfter()).as("Retry-After").isNotBlank();
                        assertThat(r.body()).contains("\"code\":\"DATABASE_UNAVAILABLE\"");
                    });
                    assertThat(desk.statuses).as("call-next answers ≥ 500 other than 503")
                            .noneMatch(s -> s >= 500 && s != 503);
                    assertThat(Ledger.ticketsOfKeys(db, kiosks.keys(), kiosks.acknowledged()))
                            .as("acknowledged tickets lost or duplicated").isEmpty();
                    assertThat(Ledger.numbering(db)).as("numbers duplicated or skipped").isEmpty();
                    assertThat(screens.all()).allSatisfy(screen -> {
                        assertThat(screen.gaps()).as("events a screen missed").isEmpty();
                        assertThat(screen.last()).isEqualTo(lastEvent);
                    });
                    long calls = desk.statuses.stream().filter(s -> s == 200).count();
                    return new Figures(sync, async, afterPrimary, afterNode, afterSwitchover, kiosks.acknowledgedCount(),
                            kiosks.answers(r -> r.status() == 503).size(), kiosks.unanswered(), (int) calls,
                            lastEvent - screens.all().getFirst().ids.getFirst(), SCREENS,
                            screens.all().stream().mapToInt(s -> s.reconnections.get()).sum());
                }
            }
        }
    }

    /** Tickets per second of 4 kiosks issuing back to back on one node, 60 each. */
    private static double throughput(ServerProcess node, String run) throws Exception {
        try (Kiosks kiosks = new Kiosks(node.base(), FACILITY)) {
            long start = System.nanoTime();
            kiosks.start(run, KIOSKS, 60, BenchFacilities.POLIS);
            kiosks.awaitDone(Duration.ofSeconds(120));
            return kiosks.acknowledgedCount() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void awaitMore(Kiosks kiosks, int more) {
        int target = kiosks.acknowledgedCount() + more;
        assertThat(Deadline.await(Duration.ofSeconds(60), () -> kiosks.acknowledgedCount() >= target))
                .as("kiosks issuing (" + kiosks.acknowledgedCount() + " of " + target + ")").isTrue();
    }

    /** Waits for a ticket acknowledged for a request sent after {@code since}. */
    private static void issuingAgainAfter(Kiosks kiosks, long since) {
        assertThat(Deadline.await(Duration.ofSeconds(60), () -> kiosks.acknowledged().values().stream()
                .anyMatch(t -> t.sentNanos() > since))).as("issuing again within 60 s").isTrue();
    }

    /**
     * The time to recover issuing: the longest stretch, in seconds, without any ticket acknowledged to any kiosk
     * around a fault that struck at {@code from} (paced kiosks are otherwise answered every few tens of ms).
     */
    private static double longestPause(Kiosks kiosks, long from, long to) {
        long[] answered = kiosks.acknowledged().values().stream().mapToLong(Kiosks.Acknowledged::answeredNanos)
                .sorted().toArray();
        long longest = 0;
        for (int i = 1; i < answered.length; i++) {
            if (answered[i] > from && answered[i - 1] < to) {
                longest = Math.max(longest, answered[i] - answered[i - 1]);
            }
        }
        return longest / 1e9;
    }

    /** A receptionist's desk token and a waiting-room screen's device token for the drill's facility. */
    private static void seedDeskAndScreen(Postgres db) {
        String facility = "(SELECT facility_id FROM facility WHERE code = '" + BenchFacilities.code(FACILITY) + "')";
        db.execute(Postgres.DATABASE, "INSERT INTO staff (facility_id, username, name, role, password_hash) VALUES ("
                + facility + ", 'ha-drill-desk', 'Loket drill', 'RECEPTIONIST', 'no-login')");
        db.execute(Postgres.DATABASE, "INSERT INTO staff_token (facility_id, token_hash, staff_id, created_at, expires_at)"
                + " SELECT facility_id, '" + sha256(DESK_TOKEN) + "', staff_id, now(), now() + interval '1 day'"
                + " FROM staff WHERE username = 'ha-drill-desk'");
        db.execute(Postgres.DATABASE, "INSERT INTO device (facility_id, name, kind, token_hash) VALUES (" + facility
                + ", 'Layar drill', 'DISPLAY', '" + sha256(SCREEN_TOKEN) + "')");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A receptionist calling the next patient at each room in turn, on whichever node answers. A call is not
     * retried (it has no idempotency key): a 503 is simply the next call's turn.
     */
    private final class Desk implements AutoCloseable {
        final List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Desk(List<String> nodes) {
            thread = Thread.ofVirtual().start(() -> {
                int node = 0;
                for (int i = 0; running.get(); i++) {
                    String room = "R" + (1 + i % BenchFacilities.POLIS);
                    HttpRequest request = HttpRequest.newBuilder(URI.create(nodes.get(node % nodes.size())
                                    + "/api/v1/facilities/" + BenchFacilities.code(FACILITY) + "/counters/" + room
                                    + "/call-next"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + DESK_TOKEN)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
                    try {
                        statuses.add(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
                    } catch (java.io.IOException e) {
                        node++;
                    } catch (InterruptedException e) {
                        return;
                    }
                    LockSupport.parkNanos(Duration.ofMillis(150).toNanos());
                }
            });
        }

        @Override
        public void close() {
            running.set(false);
            try {
                thread.join(Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
