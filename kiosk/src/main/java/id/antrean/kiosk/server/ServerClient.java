package id.antrean.kiosk.server;

import id.antrean.kiosk.KioskConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.function.Supplier;

/**
 * The Antrean server, as this kiosk sees it: every call carries the kiosk's device token. A network failure
 * becomes {@link ServerUnreachable}; the server's own answers (2xx or problem+json) come back as they are.
 */
public final class ServerClient {
    static final long TIMEOUT_MS = 8_000;
    /** Delays before the retries of a ticket request (same Idempotency-Key: never a second number). */
    static final long[] RETRY_DELAYS_MS = {300, 1_000};

    private final Vertx vertx;
    private final WebClient client;
    private final KioskConfig config;

    public ServerClient(Vertx vertx, KioskConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.client = WebClient.create(vertx);
    }

    /** The server cannot be reached (or answered 5xx): the kiosk says so and sends people to the counter. */
    public static final class ServerUnreachable extends RuntimeException {
        public ServerUnreachable(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    public Future<HttpResponse<Buffer>> me() {
        return send(() -> get("/api/v1/auth/me"));
    }

    /** The facility's profile: its kiosk idle time and languages, among others. */
    public Future<HttpResponse<Buffer>> profile() {
        return send(() -> get(facilityPath("/profile")));
    }

    /** The board's counts and estimates per service, without the lines themselves (the kiosk lists no tickets). */
    public Future<HttpResponse<Buffer>> queue() {
        return send(() -> get(facilityPath("/queue")).addQueryParam("waitingLimit", "0"));
    }

    public Future<HttpResponse<Buffer>> eligibility(String kind, String value) {
        return send(() -> get(facilityPath("/eligibility")).addQueryParam(kind, value));
    }

    public Future<HttpResponse<Buffer>> ticket(long id) {
        return send(() -> get(facilityPath("/tickets/" + id)));
    }

    /** A ticket by its tracking code (its printed QR's link): the public state its patient's phone shows. */
    public Future<HttpResponse<Buffer>> tracked(String trackingCode) {
        return send(() -> client.getAbs(config.serverUrl() + "/api/v1/track/" + trackingCode).timeout(TIMEOUT_MS));
    }

    /** The ticket as the server renders it for this roll width, in the patient's language ({@code id} or {@code en}). */
    public Future<HttpResponse<Buffer>> ticketPdf(long id, int widthMm, String lang) {
        return send(() -> get(facilityPath("/tickets/" + id + "/ticket.pdf"))
                .addQueryParam("width", Integer.toString(widthMm)).addQueryParam("lang", lang));
    }

    /** Takes a number, retrying on network trouble with the same key, so a flaky link never issues two. */
    public Future<HttpResponse<Buffer>> issue(JsonObject body, String idempotencyKey) {
        return withRetries(() -> send(() -> client.postAbs(config.serverUrl() + facilityPath("/tickets"))
                .putHeader("Authorization", "Bearer " + config.deviceToken())
                .putHeader("Idempotency-Key", idempotencyKey)
                .timeout(TIMEOUT_MS), body), 0);
    }

    /** A booked patient has arrived at the kiosk: their booking joins the line. */
    public Future<HttpResponse<Buffer>> checkIn(long ticketId) {
        return withRetries(() -> send(() -> client.postAbs(config.serverUrl() + facilityPath("/tickets/" + ticketId + "/check-in"))
                .putHeader("Authorization", "Bearer " + config.deviceToken())
                .timeout(TIMEOUT_MS)), 0);
    }

    /** Whether the facility offers messages to the patient's phone, and after how many people (issue #19). */
    public Future<HttpResponse<Buffer>> notifyOffer() {
        return send(() -> get(facilityPath("/notify")));
    }

    /** The patient's WhatsApp/SMS number for a ticket; sent once, kept nowhere on the kiosk. */
    public Future<HttpResponse<Buffer>> leavePhone(long ticketId, String phone) {
        return send(() -> client.postAbs(config.serverUrl() + facilityPath("/tickets/" + ticketId + "/notify"))
                .putHeader("Authorization", "Bearer " + config.deviceToken())
                .timeout(TIMEOUT_MS), new JsonObject().put("phone", phone));
    }

    public Future<HttpResponse<Buffer>> alert(JsonObject alert) {
        return send(() -> client.postAbs(config.serverUrl() + facilityPath("/device-alerts"))
                .putHeader("Authorization", "Bearer " + config.deviceToken())
                .timeout(TIMEOUT_MS), alert);
    }

    private Future<HttpResponse<Buffer>> withRetries(Supplier<Future<HttpResponse<Buffer>>> call, int attempt) {
        return call.get().recover(e -> {
            if (!(e instanceof ServerUnreachable) || attempt >= RETRY_DELAYS_MS.length) {
                return Future.failedFuture(e);
            }
            Promise<Void> later = Promise.promise();
            vertx.setTimer(RETRY_DELAYS_MS[attempt], id -> later.complete());
            return later.future().compose(v -> withRetries(call, attempt + 1));
        });
    }

    private HttpRequest<Buffer> get(String path) {
        return client.getAbs(config.serverUrl() + path)
                .putHeader("Authorization", "Bearer " + config.deviceToken())
                .timeout(TIMEOUT_MS);
    }

    private String facilityPath(String rest) {
        return "/api/v1/facilities/" + config.facility() + rest;
    }

    private static Future<HttpResponse<Buffer>> send(Supplier<HttpRequest<Buffer>> request) {
        return unreachableOn5xx(request.get().send());
    }

    private static Future<HttpResponse<Buffer>> send(Supplier<HttpRequest<Buffer>> request, JsonObject body) {
        return unreachableOn5xx(request.get().sendJsonObject(body));
    }

    private static Future<HttpResponse<Buffer>> unreachableOn5xx(Future<HttpResponse<Buffer>> response) {
        return response.recover(e -> Future.failedFuture(new ServerUnreachable(e.toString(), e)))
                .compose(r -> r.statusCode() >= 500
                        ? Future.failedFuture(new ServerUnreachable("server answered " + r.statusCode(), null))
                        : Future.succeededFuture(r));
    }
}
