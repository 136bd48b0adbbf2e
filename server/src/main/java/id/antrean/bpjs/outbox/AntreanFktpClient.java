package id.antrean.bpjs.outbox;

import id.antrean.bpjs.BpjsCallTiming;
import id.antrean.bpjs.BpjsConfig;
import id.antrean.bpjs.BpjsConfigs;
import id.antrean.bpjs.BpjsHeaders;
import id.antrean.bpjs.BpjsReply;
import id.antrean.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

/** BPJS's FKTP queue service, for the facility's reports: antrean/add, antrean/panggil, antrean/batal. */
public final class AntreanFktpClient {
    static final Map<String, String> PATHS = Map.of("ADD", "/antrean/add", "PANGGIL", "/antrean/panggil",
            "BATAL", "/antrean/batal");
    /**
     * BPJS's catalogue gives this content type for its POST services, the body being JSON all the same (a reference
     * that posts the JSON text with curl and no type of its own sends exactly this); the service also takes
     * {@code application/json}, which several other facilities send.
     */
    static final String CONTENT_TYPE = "Application/x-www-form-urlencoded";
    /**
     * BPJS answers a resent add or batal with code 201 and words saying it has it already ("Peserta sudah terdaftar
     * di poli tersebut pada hari ini", "... sudah dibatalkan"): the message was delivered.
     */
    static final Pattern ALREADY_THERE = Pattern.compile("(?iu)\\bsudah\\s+(terdaftar|ada|dibatalkan)\\b");

    /** BPJS's answer to one report: its metadata code, or the HTTP status of a 4xx. */
    public record Answer(int code, String message) {
        /** Accepted, or already known: a duplicate is a success for every implementation. */
        public boolean accepted() {
            return code == 200 || duplicate();
        }

        /** BPJS had it already (208, or a 201 that says so). */
        public boolean duplicate() {
            return code == 208 || (code == 201 && message != null && ALREADY_THERE.matcher(message).find());
        }
    }

    private final BpjsConfigs configs;
    private final WebClient client;
    private final Clock clock;
    private final Metrics metrics;

    /** Reports each facility's queue with its own credentials when it has them ({@code configs}). */
    public AntreanFktpClient(Vertx vertx, BpjsConfigs configs, Clock clock) {
        this(vertx, configs, clock, Metrics.off());
    }

    /** As above, timing each report to BPJS on {@code metrics}. */
    public AntreanFktpClient(Vertx vertx, BpjsConfigs configs, Clock clock, Metrics metrics) {
        this.configs = configs;
        this.clock = clock;
        this.client = WebClient.create(vertx);
        this.metrics = metrics;
    }

    /**
     * An answer for anything BPJS said, including a refusal and an HTTP 4xx (its status as the code). Fails on
     * network trouble, a timeout, an HTTP 5xx, 408 or 429, an unreadable reply or credentials that cannot be read
     * now: those are worth retrying without limit (BPJS comes back, an admin fixes the credentials).
     */
    public Future<Answer> send(long facilityId, String kind, JsonObject payload) {
        return configs.of(facilityId).compose(config -> config == null
                ? Future.failedFuture(new IllegalStateException("no BPJS credentials for this facility yet"))
                : BpjsCallTiming.time(metrics, "antrean", () -> send(config, kind, payload),
                        answer -> answer.accepted() ? "ok" : "refused"));
    }

    private Future<Answer> send(BpjsConfig config, String kind, JsonObject payload) {
        String timestamp = BpjsHeaders.timestamp(clock);
        return client.postAbs(config.antreanBaseUrl() + PATHS.get(kind))
                .putHeaders(BpjsHeaders.signed(config, config.antreanUserKey(), timestamp))
                .putHeader("Content-Type", CONTENT_TYPE)
                .timeout(config.timeout().toMillis())
                .sendBuffer(Buffer.buffer(payload.encode()))
                .map(response -> answer(response, config, timestamp));
    }

    private static Answer answer(HttpResponse<Buffer> response, BpjsConfig config, String timestamp) {
        int status = response.statusCode();
        // 408 and 429 say "not now", not "not this": retried like network trouble.
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return new Answer(status, "HTTP " + status + messageOf(response, config, timestamp));
        }
        if (status < 200 || status >= 300) {
            throw new IllegalStateException("BPJS answered HTTP " + status);
        }
        BpjsReply reply = BpjsReply.parse(response.bodyAsString(), config, timestamp);
        return new Answer(reply.code(), reply.message());
    }

    /** BPJS's own words on a 4xx, when its body has them. */
    private static String messageOf(HttpResponse<Buffer> response, BpjsConfig config, String timestamp) {
        try {
            String message = BpjsReply.parse(response.bodyAsString(), config, timestamp).message();
            return message == null || message.isBlank() ? "" : ": " + message;
        } catch (RuntimeException e) {
            // An unreadable body: the status says enough.
            return "";
        }
    }
}
