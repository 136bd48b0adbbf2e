package id.antrean.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * Runs every benchmark once, on loopback, and writes what it saw to {@code bench/target/results.md} (copied by
 * hand into {@code docs/PERFORMANCE.md} with the date). {@code quick} runs each for a few seconds only, to
 * check the harness; {@code full} (the default) is what the document reports.
 */
public final class BenchMain {
    static final int FACILITIES = 100;
    static final int RATE = 500;
    private static final Set<String> ALL = Set.of("cold-start", "render", "issuance", "sse", "line", "facilities", "start");

    private final boolean quick;
    private final Path work;
    private final List<String> lines = new ArrayList<>();

    private final Set<String> sections;

    private BenchMain(boolean quick, Path work, Set<String> sections) {
        this.quick = quick;
        this.work = work;
        this.sections = sections;
    }

    public static void main(String[] arguments) throws Exception {
        Locale.setDefault(Locale.ROOT);
        // Maven's exec passes -Dbench.args as one argument: split it.
        String[] args = String.join(" ", arguments).strip().split("\\s+");
        boolean quick = args.length > 0 && "quick".equals(args[0]);
        // Then optionally some of the sections (cold-start, render, issuance, sse, line, facilities); all when none is named.
        Set<String> sections = args.length > 1 ? Set.of(Arrays.copyOfRange(args, 1, args.length)) : ALL;
        Path work = Path.of("target", "bench-run").toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work);
        new BenchMain(quick, work, sections).run();
    }

    private void run() throws IOException {
        heading("Antrean benchmarks, " + ZonedDateTime.now().withNano(0) + (quick ? " (quick)" : ""));
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, "
                + (Runtime.getRuntime().maxMemory() / 1024 / 1024) + " MB max heap for the load generator; Java "
                + System.getProperty("java.version") + "; everything on loopback, load generator, server and "
                + "PostgreSQL on the same machine.");

        if (sections.contains("cold-start")) {
            heading("Cold start (java -jar server.jar, embedded PostgreSQL, DEMO=1)");
            for (ColdStart.Result r : ColdStart.run(work)) {
                line(r.toString());
            }
        }
        if (sections.contains("render")) {
            heading("Ticket PDF render (58 mm, warm) and QR decode (1280×720 JPEG frame)");
            int runs = quick ? 50 : 500;
            line("render: " + RenderDecode.renderPdf(runs, runs).summary());
            line("decode: " + RenderDecode.decodeFrame(runs / 5, runs).summary());
        }
        if (sections.contains("line")) {
            line();
        }
        if (sections.contains("facilities")) {
            facilities();
        }
        if (sections.contains("start")) {
            start();
        }
        if (!sections.contains("issuance") && !sections.contains("sse")) {
            write();
            return;
        }

        try (Postgres db = Postgres.start(work.resolve("postgres"));
             ServerProcess server = ServerProcess.start(ServerProcess.env(db.url(), work.resolve("server-data")),
                     work.resolve("server.log"))) {
            BenchFacilities.seed(db, FACILITIES);
            line("PostgreSQL " + db.number("SHOW server_version_num") + " (external to the server, fsync on), "
                    + FACILITIES + " facilities × " + BenchFacilities.POLIS + " polis seeded");
            if (sections.contains("issuance")) {
                issuance(db, server);
                // Where PostgreSQL read whole tables during the runs: a missing index shows here first.
                heading("Tables read by sequential scan during the issuance runs");
                db.rows("""
                        SELECT relname, seq_scan, seq_tup_read, idx_scan FROM pg_stat_user_tables
                        WHERE seq_tup_read > 0 ORDER BY seq_tup_read DESC LIMIT 5""").forEach(this::line);
            }
            if (sections.contains("sse")) {
                sse(db, server);
            }
        }
        write();
    }

    private void write() throws IOException {
        Path out = Path.of("target", "results.md");
        Files.writeString(out, String.join("\n", lines) + "\n");
        System.out.println("\nWritten to " + out.toAbsolutePath());
    }

    private void issuance(Postgres db, ServerProcess server) {
        Duration duration = Duration.ofSeconds(quick ? 5 : 20);
        int callers = 32;
        for (boolean hot : new boolean[] {false, true}) {
            String shape = hot ? "one hot poli (bench-001 S1)" : FACILITIES + " facilities × 5 polis";
            heading("Ticket issuance over HTTP, " + shape);
            try (IssuanceLoad load = new IssuanceLoad(server.port(), FACILITIES, hot)) {
                load.closed("warm-up", callers, Duration.ofSeconds(quick ? 2 : 5));
                statementsReset(db);
                CpuMeter.Sample before = CpuMeter.now(server.pid(), db.dataDir());
                IssuanceLoad.Result ceiling = load.closed("closed loop, " + callers + " callers", callers, duration);
                line(ceiling + "; " + CpuMeter.perTicket(before, CpuMeter.now(server.pid(), db.dataDir()), ceiling.ok()));
                // The goal's rate, and lower ones: the latency where this machine is not yet saturated.
                for (int rate : new int[] {100, 200, RATE}) {
                    CpuMeter.Sample from = CpuMeter.now(server.pid(), db.dataDir());
                    IssuanceLoad.Result rated = load.open("open loop at " + rate + "/s", rate, duration);
                    line(rated + "; " + CpuMeter.perTicket(from, CpuMeter.now(server.pid(), db.dataDir()), rated.ok()));
                }
                statements(db, "the HTTP lines above");
                if (PgbenchCeiling.available()) {
                    // Today's transaction, then the old one (until 2026-12-07) side by side; on the hot poli each
                    // starts from an empty line, as the place in line counts the tickets ahead.
                    PgbenchCeiling.Result pg = null;
                    for (boolean old : new boolean[] {false, true}) {
                        if (hot) {
                            emptyHotLine(db);
                        }
                        PgbenchCeiling.Result r = PgbenchCeiling.run("pgbench " + (hot ? "hot" : "spread")
                                        + (old ? " old transaction" : ""), old ? IssuanceScript.oldScript()
                                        : IssuanceScript.script(), db, FACILITIES, hot, 16, duration, work);
                        line(r.toString());
                        statements(db, r.toString());
                        pg = old ? pg : r;
                    }
                    line("ratio HTTP / pgbench: %.2f".formatted(ceiling.perSecond() / pg.tps()));
                    // The same transaction at the open loop's 100/s: PostgreSQL's CPU per transaction at the rate
                    // of the HTTP line, to set beside that line's "PostgreSQL … ms" per ticket.
                    if (hot) {
                        emptyHotLine(db);
                    }
                    line(PgbenchCeiling.run("pgbench " + (hot ? "hot" : "spread") + " at 100/s", IssuanceScript.script(),
                            db, FACILITIES, hot, 16, 100, duration, work).toString());
                } else {
                    line("pgbench is not installed (Debian: apt-get install postgresql-client): no ceiling measured");
                }
            }
        }
    }

    private static void statementsReset(Postgres db) {
        if (Postgres.STAT_STATEMENTS) {
            db.execute(Postgres.DATABASE, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            db.number("SELECT count(*) FROM (SELECT pg_stat_statements_reset()) r");
        }
    }

    /** With BENCH_PG_STAT_STATEMENTS=1: the statements PostgreSQL spent most time on since the last reset. */
    private void statements(Postgres db, String during) {
        if (!Postgres.STAT_STATEMENTS) {
            return;
        }
        line("pg_stat_statements during " + during + ", by total time (calls, total ms, mean ms, plans, mean"
                + " planning ms, blocks hit per call, WAL bytes per call, statement):");
        db.rows("""
                SELECT calls, round(total_exec_time)::bigint AS total_ms, round(mean_exec_time::numeric, 3) AS mean_ms,
                       plans, round(mean_plan_time::numeric, 3) AS plan_ms,
                       round(shared_blks_hit::numeric / greatest(calls, 1), 1) AS blocks_hit_per_call,
                       round(wal_bytes / greatest(calls, 1)) AS wal_bytes_per_call,
                       left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query
                FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 16""").forEach(this::line);
        statementsReset(db);
    }

    /** Cancels the waiting tickets of bench-001's S1, so a hot pgbench run starts from an empty line (vacuumed). */
    private static void emptyHotLine(Postgres db) {
        db.execute(Postgres.DATABASE, """
                UPDATE ticket SET status = 'CANCELLED' WHERE status = 'WAITING'
                  AND (facility_id, service_id) = (SELECT s.facility_id, s.service_id FROM service s
                                                   JOIN facility f USING (facility_id)
                                                   WHERE f.code = 'bench-001' AND s.code = 'S1')""");
        // Their entries stay in the waiting-line index until a vacuum, and the place-in-line count would visit them.
        db.execute(Postgres.DATABASE, "VACUUM ticket");
    }

    /** One poli's line at 50, 300 and 1,000 waiting, on a server and database of its own (a clean demo day). */
    private void line() {
        heading("Cost as the line grows (one poli, one caller, request after request)");
        try (Postgres db = Postgres.start(work.resolve("line-postgres"));
             ServerProcess server = ServerProcess.start(ServerProcess.env(db.url(), work.resolve("line-server-data")),
                     work.resolve("line-server.log"))) {
            LineCost cost = new LineCost(server.base(), login(server));
            for (int waiting : new int[] {50, 300, 1000}) {
                statementsReset(db);
                line(cost.measure(waiting, quick ? 20 : 200).toString());
                statements(db, "the " + waiting + "-waiting size (filling the line included)");
            }
        }
    }

    /** A district's server with 1 (the reference), 10, 100 and 1,000 facilities, each on a database of its own. */
    private void facilities() {
        heading("Cost as facilities grow (5 polis, 4 rooms, 2 displays and a morning's tickets each)");
        // BENCH_FACILITY_COUNTS (e.g. "1000") runs only some of the sizes.
        for (int count : facilityCounts(quick ? new int[] {1, 10} : new int[] {1, 10, 100, 1000})) {
            FacilityScale.measure(work, count, quick).lines().forEach(this::line);
        }
    }

    /** The start alone against an external PostgreSQL with 1 and 1,000 facilities, a few times each. */
    private void start() {
        heading("Start against a seeded external PostgreSQL (launch to /health = 200)");
        String runs = System.getenv("BENCH_START_RUNS");
        for (int count : facilityCounts(new int[] {1, 1000})) {
            line(StartTime.measure(work, count, runs == null || runs.isBlank() ? 3 : Integer.parseInt(runs.strip()))
                    .line());
        }
    }

    /** BENCH_FACILITY_COUNTS (e.g. "1000"), or these. */
    private static int[] facilityCounts(int[] otherwise) {
        String only = System.getenv("BENCH_FACILITY_COUNTS");
        return only != null && !only.isBlank()
                ? Arrays.stream(only.strip().split("[ ,]+")).mapToInt(Integer::parseInt).toArray()
                : otherwise;
    }

    private void sse(Postgres db, ServerProcess server) {
        heading("Call → screen latency (SSE, one node)");
        String token = login(server);
        int rounds = quick ? 5 : 20;
        try (SseLatency sse = new SseLatency(server.port(), token)) {
            for (int clients : quick ? new int[] {100, 500} : new int[] {100, 1000, 2000}) {
                sse.connect(clients);
                CpuMeter.Sample before = CpuMeter.now(server.pid(), db.dataDir());
                SseLatency.Result result = sse.measure(rounds);
                line(result + "; " + CpuMeter.perCall(before, CpuMeter.now(server.pid(), db.dataDir()), rounds, clients));
            }
        }
        // Two nodes on one database: the event reaches both through LISTEN/NOTIFY; then the first dies by
        // kill -9 and its screens resume on the other with Last-Event-ID. The calls go through the second.
        int screens = quick ? 1000 : 10_000;
        heading("Call → screen latency (SSE, " + screens + " screens over two nodes, one killed mid-run)");
        try (ServerProcess second = ServerProcess.start(ServerProcess.env(db.url(), work.resolve("server-b-data")),
                work.resolve("server-b.log"));
             SseLatency sse = new SseLatency(List.of(server.port(), second.port()), login(second))) {
            sse.connect(screens);
            List<Long> both = List.of(server.pid(), second.pid());
            CpuMeter.Sample before = CpuMeter.now(both, db.dataDir());
            SseLatency.Result up = sse.measure("both nodes up", rounds, -1, null);
            line(up + "; " + CpuMeter.perCall(before, CpuMeter.now(both, db.dataDir()), rounds, screens));
            line(sse.measure("the first node killed (kill -9) before call " + (rounds / 4 + 1), rounds, rounds / 4,
                    () -> {
                        sse.retire(0);
                        server.kill9();
                    }).toString());
            line(sse.measure("after the failover", rounds, -1, null).toString());
        }
    }

    private static String login(ServerProcess server) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(server.base() + "/api/v1/auth/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"resepsionis\",\"password\":\""
                            + ServerProcess.PASSWORD + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return new io.vertx.core.json.JsonObject(response.body()).getString("token");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void heading(String text) {
        lines.add("");
        lines.add("## " + text);
        System.out.println("\n== " + text);
    }

    private void line(String text) {
        lines.add("- " + text);
        System.out.println(text);
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
