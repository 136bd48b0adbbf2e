package id.antrean.drills;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.parsetools.RecordParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waiting-room screens holding a facility's event stream open, remembering every event id. Either on one node,
 * or spread over several with a node to fall back to: a screen whose stream ends opens it again there after
 * 250 ms with {@code Last-Event-ID}, as the display does ({@code live-events.js}).
 */
final class Screens implements AutoCloseable {
    /** One screen: the ids it received (the snapshot's first) and whether its stream ended. */
    static final class Screen {
        final List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        volatile boolean ended;
        /** Where it first connected, and how often its stream was opened again since. */
        int firstPort;
        volatile int resumes;

        long last() {
            synchronized (ids) {
                return ids.isEmpty() ? -1 : ids.getLast();
            }
        }

        /** Ids after the first that are not the one before plus one. */
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

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http;
    private final List<Screen> screens = new ArrayList<>();
    private final String facility;
    private final String deviceToken;
    /** Where an ended stream is opened again; -1: nowhere, it stays ended. */
    private final int fallback;
    private volatile boolean closing;

    Screens(int port, String facility, String deviceToken, int count) throws InterruptedException {
        this(List.of(port), -1, facility, deviceToken, count);
    }

    /** {@code count} screens spread over {@code ports} in turn; an ended stream resumes on {@code fallback}. */
    Screens(List<Integer> ports, int fallback, String facility, String deviceToken, int count)
            throws InterruptedException {
        this.facility = facility;
        this.deviceToken = deviceToken;
        this.fallback = fallback;
        http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("localhost").setIdleTimeout(0),
                new PoolOptions().setHttp1MaxSize(2 * count + 1));
        CountDownLatch snapshots = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            Screen screen = new Screen();
            screen.firstPort = ports.get(i % ports.size());
            screens.add(screen);
            open(screen, screen.firstPort, snapshots);
        }
        if (!snapshots.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(snapshots.getCount() + " screens got no snapshot");
        }
    }

    private void open(Screen screen, int port, CountDownLatch snapshots) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setPort(port)
                .setURI("/api/v1/facilities/" + facility + "/events")
                .putHeader("Authorization", "Bearer " + deviceToken)
                .putHeader("Accept", "text/event-stream");
        long last = screen.last();
        if (last >= 0) {
            options.putHeader("Last-Event-ID", Long.toString(last));
        }
        http.request(options).compose(request -> request.send()).onSuccess(response -> {
            response.handler(RecordParser.newDelimited("\n", line -> {
                String text = line.toString();
                if (text.startsWith("id: ")) {
                    if (screen.ids.isEmpty()) {
                        snapshots.countDown();
                    }
                    screen.ids.add(Long.parseLong(text.substring(4).strip()));
                }
            }));
            response.endHandler(v -> ended(screen, snapshots));
            response.exceptionHandler(e -> ended(screen, snapshots));
        }).onFailure(e -> ended(screen, snapshots));
    }

    private void ended(Screen screen, CountDownLatch snapshots) {
        if (fallback < 0 || closing) {
            screen.ended = true;
            return;
        }
        screen.resumes++;
        vertx.setTimer(250, t -> open(screen, fallback, snapshots));
    }

    List<Screen> all() {
        return screens;
    }

    /** Whether every screen has received the event with this id. */
    boolean allReceived(long eventId) {
        return screens.stream().allMatch(s -> s.last() >= eventId);
    }

    /** Waits until every screen has the event with this id; false when the time ran out. */
    boolean awaitAll(long eventId, Duration within) {
        return id.antrean.bench.Deadline.await(within, () -> allReceived(eventId));
    }

    @Override
    public void close() {
        closing = true;
        vertx.close().await();
    }
}
