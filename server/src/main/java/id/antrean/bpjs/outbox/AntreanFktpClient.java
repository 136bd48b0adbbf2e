package id.antrean.bpjs.outbox;

import id.antrean.bpjs.BpjsConfig;
import id.antrean.bpjs.BpjsHeaders;
import id.antrean.bpjs.BpjsReply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.util.Map;

/** BPJS's FKTP queue service, for the facility's reports: antrean/add, antrean/panggil, antrean/batal. */
public final class AntreanFktpClient {
    static final Map<String, String> PATHS = Map.of("ADD", "/antrean/add", "PANGGIL", "/antrean/panggil",
            "BATAL", "/antrean/batal");

    /** BPJS's answer to one report. */
    public record Answer(int code, String message) {
        /** Accepted, or already known (a duplicate is a success for every implementation). */
        public boolean accepted() {
            return code == 200 || code == 208;
        }
    }

    private final BpjsConfig config;
    private final WebClient client;
    private final Clock clock;

    public AntreanFktpClient(Vertx vertx, BpjsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.client = WebClient.create(vertx);
    }

    /** Fails on network trouble, a timeout or an HTTP error: those are worth retrying. */
    public Future<Answer> send(String kind, JsonObject payload) {
        String timestamp = BpjsHeaders.timestamp(clock);
        return client.postAbs(config.antreanBaseUrl() + PATHS.get(kind))
                .putHeaders(BpjsHeaders.signed(config, config.antreanUserKey(), timestamp))
                .putHeader("Content-Type", "application/json")
                .timeout(config.timeout().toMillis())
                .sendJsonObject(payload)
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("BPJS answered HTTP " + response.statusCode());
                    }
                    BpjsReply reply = BpjsReply.parse(response.bodyAsString(), config, timestamp);
                    return new Answer(reply.code(), reply.message());
                });
    }
}
