package id.antrean.drills;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.bench.Postgres;
import id.antrean.bench.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two server nodes behind one database, the screens spread over both; node A dies by kill -9 while calls go on
 * through B. A's screens open their stream again on B with {@code Last-Event-ID}, as the display does, and
 * every screen — moved or not — has every event, in order, none missing.
 */
class ScreenFailoverDrillTest {

    private Path work;
    private final DemoDesk desk = new DemoDesk();

    @BeforeEach
    void freshWorkDir() throws Exception {
        work = Drill.workDir(getClass());
    }

    @Test
    void whenANodeIsKilledItsScreensResumeOnTheOtherWithLastEventIdAndMissNothing() throws Exception {
        int screens = Drill.times(40);
        int rounds = Drill.times(5);
        try (Postgres db = Postgres.start(work.resolve("postgres"));
             ServerProcess a = ServerProcess.start(ServerProcess.env(db.url(), work.resolve("a")), work.resolve("a.log"));
             ServerProcess b = ServerProcess.start(ServerProcess.env(db.url(), work.resolve("b")), work.resolve("b.log"));
             Screens all = new Screens(List.of(a.port(), b.port()), b.port(), DemoDesk.FACILITY, ServerProcess.DISPLAY_TOKEN,
                     screens)) {
            String token = desk.login(b);
            for (int i = 0; i < rounds; i++) {
                desk.walkInAndCall(b, token);
            }
            long beforeTheKill = DemoDesk.lastEventId(db);
            assertThat(all.awaitAll(beforeTheKill, Duration.ofSeconds(10))).as("every screen, on A or B").isTrue();

            a.kill9();
            // Calls go on at once, while A's screens are still finding their way to B.
            for (int i = 0; i < rounds; i++) {
                desk.walkInAndCall(b, token);
            }
            long afterTheKill = DemoDesk.lastEventId(db);
            assertThat(all.awaitAll(afterTheKill, Duration.ofSeconds(30)))
                    .as("every screen has every event after A died").isTrue();
            List<Screens.Screen> movedFromA = all.all().stream().filter(s -> s.firstPort == a.port()).toList();
            assertThat(movedFromA).hasSize(screens / 2).allSatisfy(s -> assertThat(s.resumes).isPositive());
            assertThat(all.all()).allSatisfy(screen -> {
                assertThat(screen.gaps()).as("events missing").isEmpty();
                assertThat(screen.last()).isEqualTo(afterTheKill);
            });
            System.out.printf("screen failover drill: %d screens (%d moved from A to B) received events up to %d,"
                    + " node A killed after %d%n", screens, movedFromA.size(), afterTheKill, beforeTheKill);
        }
    }
}
