package id.antrean.events;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.db.Database;
import id.antrean.facility.Facility;
import id.antrean.facility.FacilityDirectory;
import id.antrean.queue.WaitEstimator;
import id.antrean.testing.CountingPool;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the screens' paces cost a node: a read after calls at most once per gap, one every refresh period without
 * activity, and nothing for a facility without screens here; a change sent once, no change not sent at all.
 */
class ScreenPacesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final JsonObject TWO_ROOMS = new JsonObject()
            .put("UMUM", new JsonObject().put("secondsPerPatient", 300.0).put("counters", 2));
    private static final JsonObject ONE_ROOM = new JsonObject()
            .put("UMUM", new JsonObject().put("secondsPerPatient", 300.0).put("counters", 1));

    private Vertx vertx;
    private final Map<Long, Integer> screens = new ConcurrentHashMap<>();
    private final List<Long> freshReads = new CopyOnWriteArrayList<>();
    private final List<Long> freshReadTimes = new CopyOnWriteArrayList<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final AtomicReference<JsonObject> paces = new AtomicReference<>(TWO_ROOMS);

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    private static Facility facility(long id) {
        return new Facility(id, "pkm-" + id, "Puskesmas " + id, ZoneId.of("Asia/Makassar"), null, 7);
    }

    private ScreenPaces screenPaces(Duration gap, Duration refresh, Duration tick) {
        PaceSource source = (facility, fresh) -> {
            if (fresh) {
                freshReads.add(facility.id());
                freshReadTimes.add(System.nanoTime());
            }
            return Future.succeededFuture(paces.get().copy());
        };
        return new ScreenPaces(vertx, source, id -> screens.getOrDefault(id, 0),
                (id, frame) -> sent.add(id + " " + frame), gap, refresh, tick);
    }

    private static void within(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + timeout).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static int total(Map<Long, List<Long>> reads) {
        return reads.values().stream().mapToInt(List::size).sum();
    }

    /** Asserting that nothing happens needs a span of time in which it could have. */
    private static void quietFor(Duration span) throws InterruptedException {
        Thread.sleep(span.toMillis());
    }

    @Test
    void aScreenStartsWithThePacesAsAnUnnumberedPacesMessage() {
        screens.put(1L, 1);
        Buffer frame = screenPaces(Duration.ofSeconds(30), Duration.ofDays(1), Duration.ofSeconds(1))
                .current(facility(1)).await();

        assertThat(frame.toString()).isEqualTo("event: paces\ndata: "
                + new JsonObject().put("services", TWO_ROOMS).encode() + "\n\n");
        assertThat(freshReads).as("the snapshot's cached paces will do").isEmpty();
    }

    @Test
    void callsAreReadTogetherAtMostOncePerGapAndOnlyAChangeIsSent() throws InterruptedException {
        Duration gap = Duration.ofMillis(400);
        ScreenPaces screenPaces = screenPaces(gap, Duration.ofDays(1), Duration.ofSeconds(1));
        screens.put(1L, 1);
        screenPaces.current(facility(1)).await();

        screenPaces.mayHaveMoved(1);
        within(WAIT, () -> freshReads.size() == 1);
        paces.set(ONE_ROOM);
        for (int i = 0; i < 5; i++) {
            screenPaces.mayHaveMoved(1);
        }
        within(WAIT, () -> sent.size() == 1);
        quietFor(gap.multipliedBy(2));

        assertThat(freshReads).as("the first call at once, the next five together, a gap later").hasSize(2);
        assertThat(freshReadTimes.get(1) - freshReadTimes.get(0)).isGreaterThanOrEqualTo(gap.toNanos());
        assertThat(sent).containsExactly("1 event: paces\ndata: "
                + new JsonObject().put("services", ONE_ROOM).encode() + "\n\n");
    }

    @Test
    void aFacilityWithoutScreensOnThisNodeIsNeitherReadAfterCallsNorRefreshed() throws InterruptedException {
        ScreenPaces screenPaces = screenPaces(Duration.ZERO, Duration.ofMillis(200), Duration.ofMillis(50));
        screens.put(1L, 1);
        screens.put(2L, 1);
        screenPaces.current(facility(1)).await();
        screenPaces.current(facility(2)).await();
        screens.put(2L, 0);     // its screen left

        screenPaces.mayHaveMoved(2);
        within(WAIT, () -> freshReads.stream().filter(id -> id == 1L).count() >= 3);

        assertThat(freshReads).as("the facility with a screen refreshed, the other never").containsOnly(1L);
        assertThat(sent).isEmpty();
    }

    /**
     * The goal of issue #18: a thousand facilities, each with its display, and nothing happening — a facility's paces
     * cost nothing between its slow refreshes, and one statement at each.
     */
    @Test
    void idleFacilitiesWithScreensCostNoStatementBetweenRefreshesAndOneAtEach() throws InterruptedException {
        MutableClock clock = MutableClock.at("2026-11-27T01:00:00Z");
        try (TestServer server = TestServer.start(clock)) {
            server.sql("""
                    INSERT INTO facility (code, name, time_zone)
                    SELECT 'pkm-district-' || f, 'Puskesmas ' || f, 'Asia/Makassar' FROM generate_series(1, 40) f""");
            server.sql("""
                    INSERT INTO service (facility_id, code, name, prefix, typical_service_minutes)
                    SELECT facility_id, 'UMUM', 'Poli Umum', 'A', 6 FROM facility WHERE code LIKE 'pkm-district-%'""");
            CountingPool counted = new CountingPool(PgBuilder.pool()
                    .connectingTo(Database.fromUrl(server.databaseUrl()).connectOptions()).using(vertx).build());
            List<Facility> facilities = new FacilityDirectory(counted.pool()).facilities().await();
            WaitEstimator estimator = new WaitEstimator(counted.pool(), clock);
            Map<Long, List<Long>> reads = new ConcurrentHashMap<>();
            PaceSource measured = (facility, fresh) -> {
                if (fresh) {
                    reads.computeIfAbsent(facility.id(), id -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
                }
                return estimator.screenPaces(facility, fresh);
            };
            Duration refresh = Duration.ofMillis(800);
            ScreenPaces screenPaces = new ScreenPaces(vertx, measured, id -> 1,
                    (id, frame) -> sent.add(id + " " + frame), Duration.ofSeconds(30), refresh, Duration.ofMillis(20));
            for (Facility facility : facilities) {
                assertThat(screenPaces.current(facility).await().toString()).contains("event: paces");
            }
            counted.take();
            int readsBefore = total(reads);

            quietFor(refresh.multipliedBy(3));
            int statements = counted.take();
            int readsInWindow = total(reads) - readsBefore;

            assertThat(reads.keySet()).as("every facility refreshed").hasSize(facilities.size());
            for (List<Long> times : reads.values()) {
                for (int i = 1; i < times.size(); i++) {
                    assertThat(times.get(i) - times.get(i - 1)).as("nothing between a facility's refreshes")
                            .isGreaterThanOrEqualTo(refresh.toNanos());
                }
            }
            // A refresh under way as the window closes may be counted on one side only.
            assertThat(statements).as("one statement a refresh").isBetween(readsInWindow - 2, readsInWindow + 2);
            assertThat(sent).as("the paces did not change: nothing sent").isEmpty();
        }
    }
}
