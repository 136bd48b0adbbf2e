package id.antrean.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Cost as facilities grow (issue #18, section 3): a district server with N facilities ({@link FacilityFleet}), on a
 * PostgreSQL of its own with {@code pg_stat_statements}. The server is started once to migrate, the fleet is
 * written, and the server is started again against it: that start is timed. Then, with no traffic, what the node
 * does by itself (statements, transactions, CPU of the server and of PostgreSQL), first with no screen and then
 * with one display per facility connected and holding its event stream as the display page does (no board reads:
 * the wait estimates' paces come over the stream); the call → screen latency with those screens; and issuance
 * throughput spread over the facilities.
 */
final class FacilityScale {
    /** What the node and its database did in a quiet window. */
    record Idle(String name, double seconds, long statements, long transactions, long serverTicks, long postgresTicks,
                long pacesMessages, List<String> top) {
        double statementsPerSecond() {
            return statements / seconds;
        }

        /** CPU of the server's JVM, as a share of one core. */
        double serverCore() {
            return serverTicks * 10 / (seconds * 1000);
        }

        double postgresCore() {
            return postgresTicks * 10 / (seconds * 1000);
        }

        @Override
        public String toString() {
            return "%s, %.0f s: %.1f statements/s (%d), %.1f transactions/s; CPU of one core: server %.1f %%, PostgreSQL %.1f %%%s; busiest statements: %s"
                    .formatted(name, seconds, statementsPerSecond(), statements, transactions / seconds,
                            100 * serverCore(), 100 * postgresCore(),
                            pacesMessages > 0 ? "; " + pacesMessages + " paces messages to screens" : "",
                            String.join(" | ", top));
        }
    }

    record Result(int facilities, double startSeconds, long jvmRssKbAtRest, long postgresRssKbAtRest, Idle quiet,
                  Idle displays, long jvmRssKbWithScreens, FleetScreens.Calls calls, IssuanceLoad.Result issuance,
                  long jvmRssKbAfter, String load) {
        List<String> lines() {
            return List.of(
                    "%d facilities: start against the seeded database healthy in %.2f s; memory at rest: JVM %d MB, PostgreSQL %d MB; load average %s"
                            .formatted(facilities, startSeconds, jvmRssKbAtRest / 1024, postgresRssKbAtRest / 1024, load),
                    "%d facilities, idle: %s".formatted(facilities, quiet),
                    "%d facilities, idle: %s".formatted(facilities, displays),
                    "%d facilities: JVM %d MB with the screens connected, %d MB after the issuance run"
                            .formatted(facilities, jvmRssKbWithScreens / 1024, jvmRssKbAfter / 1024),
                    "%d facilities: %s".formatted(facilities, calls),
                    "%d facilities: issuance spread over them × 5 polis, %s".formatted(facilities, issuance));
        }
    }

    private FacilityScale() {
    }

    static Result measure(Path work, int facilities, boolean quick) {
        Duration idle = Duration.ofSeconds(quick ? 10 : 60);
        Path dir = work.resolve("facilities-" + facilities);
        try (Postgres db = Postgres.startWithStatementStatistics(dir.resolve("postgres"))) {
            withStatementStatistics(db);
            var env = ServerProcess.env(db.url(), dir.resolve("server-data"));
            // First start: migrations and the demo; then the district's facilities, as they would be by now.
            ServerProcess.start(env, dir.resolve("server.log")).close();
            FacilityFleet.seed(db, facilities);
            long launched = System.nanoTime();
            try (ServerProcess server = ServerProcess.start(env, dir.resolve("server.log"))) {
                double startSeconds = (System.nanoTime() - launched) / 1e9;
                // Let start-up's own work (JIT, first connections) settle before calling anything "at rest".
                Deadline.await(Duration.ofSeconds(quick ? 2 : 10), () -> false);
                long jvmAtRest = ColdStart.rssKb(server.pid());
                long postgresAtRest = ColdStart.postgresRssKb(db.dataDir());
                Idle quiet = idle("no traffic, no screen", db, server, idle, null);
                try (FleetScreens screens = new FleetScreens(server.port(), facilities)) {
                    screens.connect();
                    long jvmWithScreens = ColdStart.rssKb(server.pid());
                    // The server reads each facility's paces again every 5 to 6.25 minutes (ScreenPaces.REFRESH), the
                    // first time anywhere within 5 minutes of its first screen: a window sees its share of them.
                    Idle displays = idle("no traffic, one display per facility holding its event stream", db, server,
                            idle, screens);
                    FleetScreens.Calls calls = screens.calls(quick ? 10 : 100);
                    IssuanceLoad.Result issued;
                    try (IssuanceLoad load = new IssuanceLoad(server.port(), facilities, false)) {
                        load.closed("warm-up", 32, Duration.ofSeconds(quick ? 2 : 5));
                        issued = load.closed("closed loop, 32 callers", 32, Duration.ofSeconds(quick ? 5 : 20));
                    }
                    return new Result(facilities, startSeconds, jvmAtRest, postgresAtRest, quiet, displays,
                            jvmWithScreens, calls, issued, ColdStart.rssKb(server.pid()), loadAverage());
                }
            }
        }
    }

    /** pg_stat_statements, loaded at PostgreSQL's start ({@link Postgres#startWithStatementStatistics}). */
    private static void withStatementStatistics(Postgres db) {
        db.execute(Postgres.DATABASE, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }

    private static Idle idle(String name, Postgres db, ServerProcess server, Duration window, FleetScreens screens) {
        db.number("SELECT count(*) FROM (SELECT pg_stat_statements_reset()) r");
        long transactionsBefore = transactions(db);
        long pacesBefore = screens == null ? 0 : screens.pacesMessages();
        CpuMeter.Sample before = CpuMeter.now(server.pid(), db.dataDir());
        long start = System.nanoTime();
        Deadline.await(window, () -> false);
        CpuMeter.Sample after = CpuMeter.now(server.pid(), db.dataDir());
        double seconds = (System.nanoTime() - start) / 1e9;
        long transactions = transactions(db) - transactionsBefore;
        // The bench's own statements (these) are left out; everything else came from the server.
        String own = "query NOT ILIKE '%pg_stat%'";
        long statements = db.number("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE " + own);
        List<String> top = new ArrayList<>(db.rows("""
                SELECT calls, round(total_exec_time::numeric, 1) AS ms,
                       left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS query
                FROM pg_stat_statements WHERE %s ORDER BY calls DESC LIMIT 5""".formatted(own)));
        return new Idle(name, seconds, statements, transactions, after.server() - before.server(),
                after.postgres() - before.postgres(), screens == null ? 0 : screens.pacesMessages() - pacesBefore, top);
    }

    /** The machine's 1, 5 and 15 minute load averages: on a shared machine, how much to trust the timings. */
    private static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static long transactions(Postgres db) {
        return db.number("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()");
    }
}
