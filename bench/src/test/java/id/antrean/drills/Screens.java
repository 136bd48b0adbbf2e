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

/** Waiting-room screens holding a facility's event stream open on one node, remembering every event id. */
final class Screens implements AutoCloseable {
    /** One screen: the ids it received (the snapshot's first) and whether its stream ended. */
    static final class Screen {
        final List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        volatile boolean ended;

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

    Screens(int port, String facility, String deviceToken, int count) throws InterruptedException {
        http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("localhost").setDefaultPort(port)
                .setIdleTimeout(0), new PoolOptions().setHttp1MaxSize(count + 1));
        CountDownLatch snapshots = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            Screen screen = new Screen();
            screens.add(screen);
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                    .setURI("/api/v1/facilities/" + facility + "/events")
                    .putHeader("Authorization", "Bearer " + deviceToken)
                    .putHeader("Accept", "text/event-stream");
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
                response.endHandler(v -> screen.ended = true);
                response.exceptionHandler(e -> screen.ended = true);
            }).onFailure(e -> screen.ended = true);
        }
        if (!snapshots.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(snapshots.getCount() + " screens got no snapshot");
        }
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
        vertx.close().await();
    }
}
