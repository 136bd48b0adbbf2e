package id.antrean.bpjs;

import id.antrean.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.util.function.Function;

/**
 * PCare's reference lists of a facility, so an admin picks BPJS codes instead of typing them: its poli
 * ({@code poli/fktp/{start}/{limit}}) and its doctors ({@code dokter/{start}/{limit}}), paged through whole.
 * Replies are decrypted and decompressed as every PCare reply.
 */
public final class PcareReferences {
    static final int PAGE = 100;
    /** A facility has tens of poli and doctors; far more means PCare ignores our paging, and we stop. */
    static final int MAX_PAGES = 20;

    private final WebClient client;
    private final Clock clock;
    private final Metrics metrics;

    /** Reads PCare's reference lists, timing each call on {@code metrics} (off: {@code Metrics.off()}). */
    public PcareReferences(Vertx vertx, Clock clock, Metrics metrics) {
        this.client = WebClient.create(vertx);
        this.clock = clock;
        this.metrics = metrics;
    }

    /** {@code [{"code": "001", "name": "Umum", "sick": true}]}. */
    public Future<JsonArray> poli(BpjsConfig config) {
        return all(config, "/poli/fktp/", item -> new JsonObject().put("code", item.getString("kdPoli"))
                .put("name", item.getString("nmPoli")).put("sick", item.getValue("poliSakit")));
    }

    /** {@code [{"code": "123", "name": "dr. Andi"}]}. */
    public Future<JsonArray> doctors(BpjsConfig config) {
        return all(config, "/dokter/", item -> new JsonObject().put("code", item.getString("kdDokter"))
                .put("name", item.getString("nmDokter")));
    }

    /** The cheapest signed call there is: the first poli. Proves the credentials without reading a participant. */
    public Future<Void> probe(BpjsConfig config) {
        return page(config, "/poli/fktp/", 0, 1).mapEmpty();
    }

    private Future<JsonArray> all(BpjsConfig config, String path, Function<JsonObject, JsonObject> item) {
        return collect(config, path, 0, new JsonArray(), item);
    }

    private Future<JsonArray> collect(BpjsConfig config, String path, int pageNo, JsonArray into,
                                      Function<JsonObject, JsonObject> item) {
        return page(config, path, pageNo * PAGE, PAGE).compose(response -> {
            JsonArray list = response.getJsonArray("list", new JsonArray());
            list.forEach(entry -> {
                if (entry instanceof JsonObject o) {
                    into.add(item.apply(o));
                }
            });
            int count = response.getInteger("count", into.size());
            boolean more = list.size() == PAGE && into.size() < count && pageNo + 1 < MAX_PAGES;
            return more ? collect(config, path, pageNo + 1, into, item) : Future.succeededFuture(into);
        });
    }

    private Future<JsonObject> page(BpjsConfig config, String path, int start, int limit) {
        String timestamp = BpjsHeaders.timestamp(clock);
        return BpjsCallTiming.time(metrics, "pcare", () -> client.getAbs(config.pcareBaseUrl() + path + start + "/" + limit)
                        .putHeaders(BpjsHeaders.signed(config, config.userKey(), timestamp))
                        .timeout(config.timeout().toMillis())
                        .send(), response -> response.statusCode() == 200 ? "ok" : "error")
                .recover(e -> Future.failedFuture(new BpjsCallFailed(BpjsCallFailed.Kind.UNREACHABLE,
                        e.getClass().getSimpleName())))
                .map(response -> {
                    if (response.statusCode() == 401 || response.statusCode() == 403) {
                        throw new BpjsCallFailed(BpjsCallFailed.Kind.UNAUTHORIZED, message(response.bodyAsString()));
                    }
                    if (response.statusCode() != 200) {
                        throw new BpjsCallFailed(BpjsCallFailed.Kind.REFUSED, "HTTP " + response.statusCode());
                    }
                    BpjsReply reply;
                    try {
                        reply = BpjsReply.parse(response.bodyAsString(), config, timestamp);
                    } catch (BpjsProtocolException e) {
                        throw new BpjsCallFailed(BpjsCallFailed.Kind.INVALID_REPLY, e.getMessage());
                    }
                    if (reply.code() == 401 || reply.code() == 403) {
                        throw new BpjsCallFailed(BpjsCallFailed.Kind.UNAUTHORIZED, reply.message());
                    }
                    if (reply.code() == 204) {
                        return new JsonObject().put("count", 0).put("list", new JsonArray());
                    }
                    if (!reply.ok() || reply.object() == null) {
                        throw new BpjsCallFailed(BpjsCallFailed.Kind.REFUSED, reply.code() + " " + reply.message());
                    }
                    return reply.object();
                });
    }

    /** BPJS's refusal text, from either envelope spelling; empty when there is none. */
    private static String message(String body) {
        try {
            JsonObject json = new JsonObject(body);
            JsonObject meta = json.getJsonObject("metaData", json.getJsonObject("metadata", new JsonObject()));
            return meta.getString("message", "");
        } catch (RuntimeException e) {
            return "";
        }
    }
}
