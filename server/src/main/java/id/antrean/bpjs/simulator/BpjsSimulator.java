package id.antrean.bpjs.simulator;

import id.antrean.bpjs.BpjsCrypto;
import id.antrean.bpjs.BpjsSignature;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for BPJS's web services, speaking their protocol for real: it checks each request's consumer
 * id, user key, timestamp window and HMAC signature, refuses bad ones, and encrypts + compresses its
 * replies with the key derived from the request's own timestamp, as BPJS does. It can be told to be slow
 * or down. Used by tests, by the demo ({@code DEMO=1}) and on its own ({@link SimulatorMain}).
 *
 * <p>Paths: {@code /pcare-rest/peserta/{noka|nik}/{number}} (and the legacy {@code /pcare-rest/peserta/{noKartu}});
 * {@code /antreanfktp/antrean/add|panggil|batal} (the facility's reports, kept in {@link #received()});
 * {@code /pcare-rest/poli/fktp/{start}/{limit}} and {@code /pcare-rest/dokter/{start}/{limit}} (reference lists).
 * Control, for tests and demos: {@code POST /_sim/mode {"mode": "UP"|"SLOW"|"DOWN", "delayMs"}}, and
 * {@code POST /_sim/participants} with a participant (see {@link SimulatedParticipant#fromJson}), and
 * {@code POST /_sim/consumers {"consId", "secret", "userKey", "antreanUserKey"?}} for another facility's credentials.
 *
 * <p>Somewhat over 300 lines on purpose: it is one stand-in server whose routes share its consumers, its mode and
 * its record of requests; the data it serves lives apart ({@link SimulatedParticipant}, {@code ReferenceLists}).
 */
public final class BpjsSimulator {
    private static final Logger LOG = LoggerFactory.getLogger(BpjsSimulator.class);
    public static final String PCARE_PATH = "/pcare-rest";
    public static final String ANTREAN_PATH = "/antreanfktp";
    /** IPv4 loopback by address, not "localhost", which may resolve to ::1 where nothing listens. */
    static final String LOOPBACK = "127.0.0.1";
    /** The fields each report must carry, as BPJS's FKTP queue service requires them. */
    static final Map<String, List<String>> ANTREAN_FIELDS = Map.of(
            "add", List.of("nomorkartu", "kodepoli", "tanggalperiksa", "nomorantrean", "angkaantrean"),
            "panggil", List.of("tanggalperiksa", "kodepoli", "nomorkartu", "status", "waktu"),
            "batal", List.of("tanggalperiksa", "kodepoli", "nomorkartu", "alasan"));
    static final long TIMESTAMP_WINDOW_SECONDS = 300;
    /** BPJS's catalogue names the first for its POST services (with a JSON body); many callers send the second. */
    static final java.util.Set<String> ANTREAN_CONTENT_TYPES = java.util.Set.of("application/x-www-form-urlencoded",
            "application/json");

    /** How the simulator behaves: answering, answering late, or not at all. */
    public enum Mode { UP, SLOW, DOWN }

    /**
     * A consumer (a facility's BPJS credentials). BPJS gives a user key per service: {@code antreanUserKey} is the
     * FKTP queue service's, {@code userKey} PCare's.
     */
    public record Consumer(String consId, String secret, String userKey, String antreanUserKey) {
        /** One user key for both services, as the demo and most test consumers have. */
        public Consumer(String consId, String secret, String userKey) {
            this(consId, secret, userKey, userKey);
        }

        String userKeyFor(String path) {
            return path.startsWith(ANTREAN_PATH) ? antreanUserKey : userKey;
        }
    }

    private final Vertx vertx;
    private final Clock clock;
    private final Map<String, Consumer> consumers = new ConcurrentHashMap<>();
    private final Map<String, SimulatedParticipant> byCard = new ConcurrentHashMap<>();
    private final Map<String, SimulatedParticipant> byNik = new ConcurrentHashMap<>();
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.UP);
    private volatile Duration delay = Duration.ZERO;
    private final List<JsonObject> received = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> addedQueues = ConcurrentHashMap.newKeySet();
    private final java.util.Set<String> cancelledQueues = ConcurrentHashMap.newKeySet();
    private HttpServer server;

    private BpjsSimulator(Vertx vertx, Clock clock) {
        this.vertx = vertx;
        this.clock = clock;
    }

    /**
     * Starts on {@code port} (0 = any free port) of the loopback interface, with these consumers and the demo
     * participants. Loopback only: the control routes ({@code /_sim/...}) have no authentication, and whoever
     * reached them could take "BPJS" down or invent participants.
     */
    public static Future<BpjsSimulator> start(Vertx vertx, int port, Clock clock, List<Consumer> consumers) {
        BpjsSimulator simulator = new BpjsSimulator(vertx, clock);
        consumers.forEach(c -> simulator.consumers.put(c.consId(), c));
        DemoParticipants.all(LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Jakarta"))).forEach(simulator::put);
        return vertx.createHttpServer().requestHandler(simulator.router()).listen(port, LOOPBACK).map(server -> {
            simulator.server = server;
            LOG.info("BPJS simulator listening on {}:{}", LOOPBACK, server.actualPort());
            return simulator;
        });
    }

    public int port() {
        return server.actualPort();
    }

    /** The FKTP queue service's base URL (antrean/add, panggil, batal). */
    public String antreanBaseUrl() {
        return "http://" + LOOPBACK + ":" + port() + ANTREAN_PATH;
    }

    /** The PCare base URL to configure a client with. */
    public String pcareBaseUrl() {
        return "http://" + LOOPBACK + ":" + port() + PCARE_PATH;
    }

    /**
     * Another BPJS consumer the simulator accepts (a facility with its own credentials), or new credentials for a
     * known consumer id.
     */
    public void register(Consumer consumer) {
        consumers.put(consumer.consId(), consumer);
    }

    public void put(SimulatedParticipant participant) {
        byCard.put(participant.cardNumber(), participant);
        if (participant.nik() != null) {
            byNik.put(participant.nik(), participant);
        }
    }

    public void mode(Mode newMode, Duration newDelay) {
        delay = newDelay == null ? Duration.ZERO : newDelay;
        mode.set(newMode);
        LOG.info("BPJS simulator is now {}{}", newMode, newMode == Mode.SLOW ? " (" + delay.toMillis() + " ms)" : "");
    }

    public Mode mode() {
        return mode.get();
    }

    /** Authenticated requests received, oldest first: {@code {consId, method, path, body}}. */
    public List<JsonObject> received() {
        return List.copyOf(received);
    }

    public Future<Void> close() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    private Router router() {
        Router router = Router.router(vertx);
        router.post("/_sim/mode").handler(BodyHandler.create()).handler(this::setMode);
        router.post("/_sim/participants").handler(BodyHandler.create()).handler(this::addParticipant);
        router.post("/_sim/consumers").handler(BodyHandler.create()).handler(this::addConsumer);
        router.route().handler(BodyHandler.create().setBodyLimit(1024 * 1024));
        router.route().handler(this::unlessDown);
        router.route().handler(this::authenticate);
        router.get(PCARE_PATH + "/peserta/:kind/:number").handler(rc -> peserta(rc, rc.pathParam("kind"), rc.pathParam("number")));
        router.get(PCARE_PATH + "/peserta/:number").handler(rc -> peserta(rc, "noka", rc.pathParam("number")));
        router.post(ANTREAN_PATH + "/antrean/:report").handler(this::antreanReport);
        router.get(PCARE_PATH + "/poli/fktp/:start/:limit").handler(rc -> page(rc, ReferenceLists.POLI));
        router.get(PCARE_PATH + "/dokter/:start/:limit").handler(rc -> page(rc, ReferenceLists.DOCTORS));
        return router;
    }

    private void setMode(RoutingContext rc) {
        JsonObject body = rc.body().asJsonObject();
        mode(Mode.valueOf(body.getString("mode", "UP")), Duration.ofMillis(body.getLong("delayMs", 0L)));
        rc.response().end(new JsonObject().put("mode", mode().name()).encode());
    }

    /** Adds or replaces a participant: {@code {cardNumber, nik, name, active, statusText, providerCode, ...}}. */
    private void addParticipant(RoutingContext rc) {
        SimulatedParticipant p;
        try {
            p = SimulatedParticipant.fromJson(rc.body().asJsonObject());
        } catch (RuntimeException e) {
            rc.response().setStatusCode(400).end(new JsonObject().put("error", String.valueOf(e.getMessage())).encode());
            return;
        }
        put(p);
        rc.response().setStatusCode(201).end(new JsonObject().put("cardNumber", p.cardNumber()).encode());
    }

    /** Registers a consumer: {@code {"consId", "secret", "userKey", "antreanUserKey"?}}. */
    private void addConsumer(RoutingContext rc) {
        JsonObject body;
        try {
            body = rc.body().asJsonObject();
        } catch (RuntimeException e) {
            body = null;
        }
        if (body == null || body.getValue("consId") == null || body.getValue("secret") == null
                || body.getValue("userKey") == null) {
            rc.response().setStatusCode(400).end(new JsonObject().put("error", "consId, secret and userKey").encode());
            return;
        }
        register(new Consumer(String.valueOf(body.getValue("consId")), String.valueOf(body.getValue("secret")),
                String.valueOf(body.getValue("userKey")),
                String.valueOf(body.getValue("antreanUserKey", body.getValue("userKey")))));
        rc.response().setStatusCode(201).end(new JsonObject().put("consId", body.getValue("consId").toString()).encode());
    }

    /** One page of a PCare reference list, as PCare pages: {@code start} rows skipped, at most {@code limit}. */
    private void page(RoutingContext rc, List<JsonObject> all) {
        int start;
        int limit;
        try {
            start = Integer.parseInt(rc.pathParam("start"));
            limit = Integer.parseInt(rc.pathParam("limit"));
        } catch (NumberFormatException e) {
            start = -1;
            limit = -1;
        }
        if (start < 0 || limit < 1) {
            rc.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .putNull("response")
                    .put("metaData", new JsonObject().put("code", 412).put("message", "Parameter tidak valid"))
                    .encode());
            return;
        }
        JsonArray list = new JsonArray();
        all.stream().skip(start).limit(limit).forEach(list::add);
        replyEncrypted(rc, new JsonObject().put("count", all.size()).put("list", list));
    }

    /** Down: the connection is cut, as when BPJS cannot be reached. Slow: answers after the delay. */
    private void unlessDown(RoutingContext rc) {
        switch (mode.get()) {
            case DOWN -> rc.request().connection().close();
            case SLOW -> vertx.setTimer(Math.max(1, delay.toMillis()), id -> rc.next());
            case UP -> rc.next();
        }
    }

    private void authenticate(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        Consumer consumer = consumers.get(String.valueOf(request.getHeader("X-cons-id")));
        String timestamp = request.getHeader("X-timestamp");
        if (consumer == null) {
            refuse(rc, "X-cons-id tidak terdaftar");
            return;
        }
        if (!consumer.userKeyFor(request.path()).equals(request.getHeader("user_key"))) {
            refuse(rc, "user_key tidak valid");
            return;
        }
        if (!withinWindow(timestamp)) {
            refuse(rc, "X-timestamp tidak valid atau kedaluwarsa");
            return;
        }
        if (!BpjsSignature.verify(consumer.consId(), consumer.secret(), timestamp, request.getHeader("X-signature"))) {
            refuse(rc, "X-signature tidak valid");
            return;
        }
        received.add(new JsonObject().put("consId", consumer.consId())
                .put("method", request.method().name()).put("path", request.path())
                .put("contentType", request.getHeader("Content-Type"))
                .put("body", rc.body() == null ? null : rc.body().asString()));
        rc.put("consumer", consumer).put("timestamp", timestamp).next();
    }

    private boolean withinWindow(String timestamp) {
        if (timestamp == null || !timestamp.matches("[0-9]{1,12}")) {
            return false;
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        return skew <= TIMESTAMP_WINDOW_SECONDS;
    }

    private static void refuse(RoutingContext rc, String message) {
        rc.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("metaData", new JsonObject().put("code", 401).put("message", message)).encode());
    }

    private void peserta(RoutingContext rc, String kind, String number) {
        SimulatedParticipant found = switch (kind.toLowerCase()) {
            case "noka" -> byCard.get(number);
            case "nik" -> byNik.get(number);
            default -> null;
        };
        if (found == null) {
            rc.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .putNull("response")
                    .put("metaData", new JsonObject().put("code", 204).put("message", "Data peserta tidak ditemukan"))
                    .encode());
            return;
        }
        replyEncrypted(rc, found.toPcare());
    }

    /**
     * antrean/add, antrean/panggil, antrean/batal, sent as JSON with either content type BPJS's callers use
     * ({@link #ANTREAN_CONTENT_TYPES}); checked field by field. A patient who is not JKN comes with an empty card
     * number. An add for a poli BPJS does not know is refused; a repeated add or batal is answered 201 with BPJS's
     * "already there" / "already cancelled" words.
     */
    private void antreanReport(RoutingContext rc) {
        String report = rc.pathParam("report");
        List<String> fields = ANTREAN_FIELDS.get(report);
        String contentType = String.valueOf(rc.request().getHeader("Content-Type")).split(";")[0].strip()
                .toLowerCase(java.util.Locale.ROOT);
        JsonObject body;
        try {
            body = new JsonObject(rc.body().asString());
        } catch (RuntimeException e) {
            body = null;
        }
        if (fields == null || !ANTREAN_CONTENT_TYPES.contains(contentType) || body == null) {
            envelope(rc, 201, fields == null ? "Endpoint tidak ditemukan" : "Format request tidak sesuai");
            return;
        }
        for (String field : fields) {
            Object value = body.getValue(field);
            // The card number is there but empty for a patient who is not JKN.
            if (value == null || (value.toString().isBlank() && !field.equals("nomorkartu"))) {
                envelope(rc, 201, field + " tidak boleh kosong");
                return;
            }
        }
        String card = body.getValue("nomorkartu").toString();
        String poli = body.getValue("kodepoli").toString();
        String day = poli + "|" + body.getValue("tanggalperiksa") + "|";
        if (report.equals("add")) {
            if (ReferenceLists.POLI.stream().noneMatch(p -> p.getString("kdPoli").equals(poli))) {
                envelope(rc, 201, "Poli Tidak Ditemukan");
                return;
            }
            if (!addedQueues.add(day + (card.isEmpty() ? "#" + body.getValue("nomorantrean") : card))) {
                envelope(rc, 201, "Peserta sudah terdaftar di poli tersebut pada hari ini");
                return;
            }
        }
        // A cancellation without a card number cannot be told from another one: each is taken.
        if (report.equals("batal") && !card.isEmpty() && !cancelledQueues.add(day + card)) {
            envelope(rc, 201, "Antrean sudah dibatalkan");
            return;
        }
        envelope(rc, 200, "Ok");
    }

    private static void envelope(RoutingContext rc, int code, String message) {
        rc.response().putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("metadata", new JsonObject().put("code", code).put("message", message)).encode());
    }

    /** A successful reply: {@code response} compressed and encrypted with the request's own timestamp. */
    private void replyEncrypted(RoutingContext rc, JsonObject response) {
        Consumer consumer = rc.get("consumer");
        String timestamp = rc.get("timestamp");
        String encrypted = BpjsCrypto.encodeResponse(response.encode(), consumer.consId(), consumer.secret(), timestamp);
        rc.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                .put("response", encrypted)
                .put("metaData", new JsonObject().put("code", 200).put("message", "OK"))
                .encode());
    }
}
