package id.antrean.drills;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.bench.Postgres;
import id.antrean.bench.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two server nodes behind one database; screens hold their event stream on node B; node A dies by kill -9.
 * Events of actions taken through A before its death and through B after it reach every screen on B, in
 * order, none missing.
 */
class NodeLossDrillTest {

    private Path work;

    @BeforeEach
    void freshWorkDir() throws Exception {
        work = Drill.workDir(getClass());
    }

    private final DemoDesk desk = new DemoDesk();

    @Test
    void whenOneOfTwoNodesIsKilledTheScreensOnTheOtherKeepReceivingEveryEvent() throws Exception {
        int screens = Drill.times(50);
        int rounds = Drill.times(5);
        try (Postgres db = Postgres.start(work.resolve("postgres"));
             ServerProcess a = ServerProcess.start(ServerProcess.env(db.url(), work.resolve("a")), work.resolve("a.log"));
             ServerProcess b = ServerProcess.start(ServerProcess.env(db.url(), work.resolve("b")), work.resolve("b.log"));
             Screens onB = new Screens(b.port(), DemoDesk.FACILITY, ServerProcess.DISPLAY_TOKEN, screens)) {
            String tokenA = desk.login(a);
            String tokenB = desk.login(b);

            for (int i = 0; i < rounds; i++) {
                desk.walkInAndCall(a, tokenA);
            }
            long beforeTheKill = DemoDesk.lastEventId(db);
            assertThat(onB.awaitAll(beforeTheKill, Duration.ofSeconds(10)))
                    .as("node A's events reached the screens on node B").isTrue();

            a.kill9();

            for (int i = 0; i < rounds; i++) {
                desk.walkInAndCall(b, tokenB);
            }
            long afterTheKill = DemoDesk.lastEventId(db);
            assertThat(afterTheKill).isGreaterThanOrEqualTo(beforeTheKill + 2L * rounds);
            assertThat(onB.awaitAll(afterTheKill, Duration.ofSeconds(10)))
                    .as("every screen on B received the events after A died").isTrue();
            assertThat(onB.all()).allSatisfy(screen -> {
                assertThat(screen.ended).as("stream ended").isFalse();
                assertThat(screen.gaps()).as("events missing").isEmpty();
                assertThat(screen.last()).isEqualTo(afterTheKill);
            });
            assertThat(b.health()).isEqualTo(200);
            System.out.printf("node loss drill: %d screens on node B received events %d..%d, node A killed after %d%n",
                    screens, onB.all().getFirst().ids.getFirst(), afterTheKill, beforeTheKill);
        }
    }
}
