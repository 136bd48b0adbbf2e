package id.antrean.notify;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends one message to a facility's gateway with Vert.x's WebClient: a bounded wait ({@link #TIMEOUT}) and, per
 * facility, a circuit breaker as on the BPJS side ({@code bpjs.PcareClient}): after {@link #MAX_FAILURES} failures
 * in a row the gateway is left alone for {@link #RESET_AFTER}, so a dead gateway costs one fast failure per message
 * instead of a timeout each. Any 2xx is delivered; anything else fails (and the worker retries).
 */
final class WebhookSender {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_FAILURES = 5;
    static final Duration RESET_AFTER = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final WebClient client;
    private final Map<Long, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    WebhookSender(Vertx vertx) {
        this.vertx = vertx;
        this.client = WebClient.create(vertx, new WebClientOptions().setUserAgent("Antrean-Notify/1")
                .setConnectTimeout((int) TIMEOUT.toMillis()));
    }

    Future<Void> send(long facilityId, WebhookRequest message) {
        return breaker(facilityId).execute(promise -> request(message).onComplete(ar -> {
            if (ar.failed()) {
                promise.fail(ar.cause());
            } else if (ar.result() / 100 != 2) {
                promise.fail("the gateway answered HTTP " + ar.result());
            } else {
                promise.complete();
            }
        }));
    }

    private Future<Integer> request(WebhookRequest message) {
        if (message.headers().containsValue(null)) {
            return Future.failedFuture("a header of the gateway cannot be decrypted with this server's key: "
                    + "the admin enters it again");
        }
        HttpRequest<Buffer> request = client.requestAbs(HttpMethod.valueOf(message.method()), message.url())
                .timeout(TIMEOUT.toMillis());
        message.headers().forEach(request::putHeader);
        if (message.body() == null) {
            return request.send().map(r -> r.statusCode());
        }
        request.putHeader("Content-Type", message.contentType());
        return request.sendBuffer(Buffer.buffer(message.body())).map(r -> r.statusCode());
    }

    private CircuitBreaker breaker(long facilityId) {
        return breakers.computeIfAbsent(facilityId, id -> CircuitBreaker.create("notify-webhook-" + id, vertx,
                new CircuitBreakerOptions()
                        .setTimeout(TIMEOUT.toMillis() + 1_000)
                        .setMaxFailures(MAX_FAILURES)
                        .setResetTimeout(RESET_AFTER.toMillis())));
    }
}
