package id.antrean.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Waiting-room screens as the display page behaves: each holds the facility's event stream open on a node and,
 * when the stream ends or the node is gone, connects again with {@code Last-Event-ID} — to the next node when
 * its own does not answer (a load balancer's job). Remembers every event id it received, across reconnections.
 */
final class ResumingScreens implements AutoCloseable {
    /** One screen: the ids it received, in order (its first snapshot's id first), and how often it reconnected. */
    static final class Screen {
        final List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger reconnections = new AtomicInteger();

        long last() {
            synchronized (ids) {
                return ids.isEmpty() ? -1 : ids.getLast();
            }
        }

        /** Ids after the first that are not the one before plus one (missed or repeated events). */
        List<String> gaps() {
            List<String> gaps = new ArrayList<>();
            synchronized (ids) {
                for (int i = 1; i < ids.size(); i++) {
                    if (ids.get(i) != ids.get(i - 1) + 1) {
                        gaps.add(ids.get(i - 1) + " → " + ids.get(i));
                    }
                }
            }
            return gaps;
        }
    }

    private static final long RETRY_NANOS = Duration.ofMillis(200).toNanos();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Screen> screens = new ArrayList<>();
    private volatile boolean closing;

    /** {@code count} screens, the first half starting on the first node, the rest on the second. */
    ResumingScreens(List<String> bases, String facility, String deviceToken, int count) {
        for (int i = 0; i < count; i++) {
            Screen screen = new Screen();
            screens.add(screen);
            int first = i * bases.size() / count;
            threads.submit(() -> watch(screen, bases, first, facility, deviceToken));
        }
        if (!id.antrean.bench.Deadline.await(Duration.ofSeconds(30), () -> screens.stream().allMatch(s -> s.last() >= 0))) {
            throw new IllegalStateException("screens got no snapshot");
        }
    }

    private void watch(Screen screen, List<String> bases, int first, String facility, String token) {
        int node = first;
        while (!closing) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bases.get(node % bases.size())
                            + "/api/v1/facilities/" + facility + "/events"))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream");
            long last = screen.last();
            if (last >= 0) {
                request.header("Last-Event-ID", Long.toString(last));
            }
            try {
                HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() == 200) {
                    try (Stream<String> lines = response.body()) {
                        lines.forEach(line -> {
                            if (line.startsWith("id: ")) {
                                screen.ids.add(Long.parseLong(line.substring(4).strip()));
                            }
                        });
                    }
                } else {
                    response.body().close();
                }
            } catch (IOException | UncheckedIOException e) {
                node++; // This node does not answer: the next one.
            } catch (InterruptedException e) {
                return;
            }
            if (!closing) {
                screen.reconnections.incrementAndGet();
                LockSupport.parkNanos(RETRY_NANOS);
            }
        }
    }

    List<Screen> all() {
        return screens;
    }

    /** Waits until every screen has the event with this id; false when the time ran out. */
    boolean awaitAll(long eventId, Duration within) {
        return id.antrean.bench.Deadline.await(within, () -> screens.stream().allMatch(s -> s.last() >= eventId));
    }

    @Override
    public void close() {
        closing = true;
        threads.shutdownNow();
        http.close();
    }
}
