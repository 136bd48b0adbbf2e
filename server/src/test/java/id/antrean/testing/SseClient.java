package id.antrean.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A minimal Server-Sent Events reader for tests: collects each {@code data:} message as JSON. The event stream's
 * {@code event: paces} messages are kept apart ({@link #nextPaces}), so the queue's events read as before.
 */
public final class SseClient implements AutoCloseable {
    private final HttpClient http;
    private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<JsonObject> paces = new LinkedBlockingQueue<>();
    private final StringBuilder pending = new StringBuilder();
    private final int status;
    private HttpClientResponse response;

    private SseClient(Vertx vertx, int port, String path, String token, Long lastEventId) {
        http = vertx.createHttpClient();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("localhost").setPort(port)
                .setURI(path).putHeader("Accept", "text/event-stream");
        if (token != null) {
            options.putHeader("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            options.putHeader("Last-Event-ID", Long.toString(lastEventId));
        }
        // The handler is set as the response arrives, on its event loop, so no early byte is lost.
        response = http.request(options).compose(req -> req.send()).map(resp -> {
            resp.handler(buffer -> onText(buffer.toString()));
            return resp;
        }).await();
        status = response.statusCode();
    }

    public static SseClient connect(Vertx vertx, int port, String facility, String token) {
        return new SseClient(vertx, port, "/api/v1/facilities/" + facility + "/events", token, null);
    }

    /** Connects to a node of the test with its receptionist's token. */
    public static SseClient connect(TestServer server) {
        return connect(server.clientVertx(), server.port(), TestServer.DEMO, server.receptionistToken());
    }

    /** Any stream of a test's node, without a token (the tracking page's, say). */
    public static SseClient open(TestServer server, String path) {
        return new SseClient(server.clientVertx(), server.port(), path, null, null);
    }

    public static SseClient resume(TestServer server, long lastEventId) {
        return new SseClient(server.clientVertx(), server.port(), "/api/v1/facilities/" + TestServer.DEMO + "/events",
                server.receptionistToken(), lastEventId);
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return response.getHeader("Content-Type");
    }

    private synchronized void onText(String text) {
        pending.append(text);
        int end;
        while ((end = pending.indexOf("\n\n")) >= 0) {
            String frame = pending.substring(0, end);
            pending.delete(0, end + 2);
            StringBuilder data = new StringBuilder();
            String name = null;
            for (String line : frame.split("\n")) {
                if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                }
            }
            if (data.isEmpty()) {
                continue;
            }
            if ("paces".equals(name)) {
                paces.add(new JsonObject(data.toString()));
            } else {
                messages.add(new JsonObject(data.toString()));
            }
        }
    }

    /** The next message, waiting at most {@code timeout}; fails the test when none comes. */
    public JsonObject next(Duration timeout) {
        try {
            JsonObject message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no event within " + timeout);
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next {@code paces} message within {@code timeout}; null when none came. */
    public JsonObject nextPaces(Duration timeout) {
        try {
            return paces.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Messages until one matches, all returned (the match last); fails after {@code timeout}. */
    public List<JsonObject> until(Predicate<JsonObject> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonObject> seen = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching event within " + timeout + "; saw " + seen);
            }
            JsonObject message = next(Duration.ofNanos(left));
            seen.add(message);
            if (match.test(message)) {
                return seen;
            }
        }
    }

    @Override
    public void close() {
        http.close().await();
    }
}
