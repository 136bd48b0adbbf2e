package id.antrean.queue;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import id.antrean.web.Responses;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole board of a long line is hundreds of KB of JSON. Held as one string or buffer it is a humongous object to
 * G1 (half a region or more: 512 KB with the 1 MB regions of a heap under 2 GB), and each one starts a young
 * collection of its own (issue #18): the answer is written in pieces instead. Read from the JVM's own allocation
 * events (JFR), the answer's writing only.
 */
class LargeBoardAllocationTest {
    private static final int WAITING = 1_000;
    private static final long HALF_A_REGION = 512 * 1024;
    private final MutableClock clock = MutableClock.at("2026-12-07T01:00:00Z");
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aBoardOfAThousandWaitingIsWrittenWithoutAnyArrayOfHalfAMegabyte(@TempDir Path dir) throws Exception {
        for (int i = 0; i < WAITING; i++) {
            server.walkIn("UMUM");
        }
        Path file = dir.resolve("board.jfr");
        HttpResponse<Buffer> board;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
            recording.start();
            board = server.get("/api/v1/facilities/" + TestServer.DEMO + "/queue?waitingLimit=100000");  // the whole line, as the console asks for it
            recording.stop();
            recording.dump(file);
        }

        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body().length()).as("the answer's size").isGreaterThan((int) HALF_A_REGION);
        // Only allocations too large for a thread's allocation buffer are recorded: the pieces may not show at all,
        // the whole answer as one array always did (560 KB and more, before JsonPieces).
        List<RecordedEvent> answerWriting = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getStackTrace() != null && e.getStackTrace().getFrames().stream()
                        .anyMatch(f -> f.getMethod().getType().getName().startsWith(Responses.class.getName())))
                .toList();
        assertThat(answerWriting).allSatisfy(e -> assertThat(e.getLong("allocationSize"))
                .as(e.getClass("objectClass").getName() + " allocated at " + e.getStackTrace().getFrames().getFirst())
                .isLessThan(HALF_A_REGION));
        Files.deleteIfExists(file);
    }
}
