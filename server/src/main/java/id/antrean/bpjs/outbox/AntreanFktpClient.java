package id.antrean.bpjs.outbox;

import id.antrean.bpjs.BpjsConfig;
import id.antrean.bpjs.BpjsConfigs;
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

    private final BpjsConfigs configs;
    private final WebClient client;
    private final Clock clock;

    /** Reports each facility's queue with its own credentials when it has them ({@code configs}). */
    public AntreanFktpClient(Vertx vertx, BpjsConfigs configs, Clock clock) {
        this.configs = configs;
        this.clock = clock;
        this.client = WebClient.create(vertx);
    }

    /**
     * Fails on network trouble, a timeout, an HTTP error or credentials that cannot be read now: those are worth
     * retrying (an admin may fix the credentials meanwhile).
     */
    public Future<Answer> send(long facilityId, String kind, JsonObject payload) {
        return configs.of(facilityId).compose(config -> config == null
                ? Future.failedFuture(new IllegalStateException("no BPJS credentials for this facility yet"))
                : send(config, kind, payload));
    }

    private Future<Answer> send(BpjsConfig config, String kind, JsonObject payload) {
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
