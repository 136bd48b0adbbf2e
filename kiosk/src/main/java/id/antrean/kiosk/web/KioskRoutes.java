package id.antrean.kiosk.web;

import id.antrean.kiosk.KioskConfig;
import id.antrean.kiosk.scan.DecodeResult;
import id.antrean.kiosk.scan.FrameDecoder;
import id.antrean.kiosk.scan.ImageTooLargeException;
import id.antrean.kiosk.scan.NotAnImageException;
import id.antrean.kiosk.scan.ScanPayload;
import id.antrean.kiosk.server.ServerClient;
import id.antrean.kiosk.tickets.PrintOutcomes;
import id.antrean.kiosk.tickets.TicketDesk;
import id.antrean.protocol.TrackLink;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The kiosk agent's HTTP surface for its own page (on localhost): the touch UI, reading codes from camera
 * frames and typed text, and the patient's steps — eligibility, services, the ticket — done against the
 * server with the kiosk's device token.
 */
public final class KioskRoutes {
    static final int FRAME_LIMIT_BYTES = 5 * 1024 * 1024;
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "media-src 'self' blob: mediastream:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png");

    private final Vertx vertx;
    private final KioskConfig config;
    private final ServerClient server;
    private final TicketDesk desk;
    private final FrameDecoder decoder;
    private final Settings settings;
    private final ServerStatus status;

    public KioskRoutes(Vertx vertx, KioskConfig config, ServerClient server, TicketDesk desk, Clock clock) {
        this.vertx = vertx;
        this.config = config;
        this.server = server;
        this.desk = desk;
        this.decoder = new FrameDecoder(config.scanBudget());
        this.settings = new Settings(config.pin(), clock);
        this.status = new ServerStatus(server, clock);
    }

    public Router router() {
        Router router = Router.router(vertx);
        router.route().handler(rc -> {
            rc.response().putHeader("Content-Security-Policy", CSP)
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Referrer-Policy", "no-referrer");
            rc.next();
        });
        router.post("/scan").handler(BodyHandler.create(false).setBodyLimit(FRAME_LIMIT_BYTES)).handler(this::scan);
        // Every other request's body is read (and limited) before any handler answers: the page files too, whose
        // handler would otherwise answer and leave a body unread, stalling the next request on the connection.
        router.route().handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
        router.get("/api/kiosk").handler(rc -> Responses.json(rc, status.kiosk()));
        router.get("/api/status").handler(rc -> Responses.json(rc, status.server().map(s -> new JsonObject()
                .put("server", s).put("printer", PrintOutcomes.state(desk.lastPrint(), desk.printer())))));
        router.post("/api/identify").handler(this::identify);
        router.get("/api/eligibility").handler(this::eligibility);
        router.get("/api/services").handler(this::services);
        router.get("/api/tickets/:id").handler(this::ticket);
        router.get("/api/tracked/:code").handler(this::tracked);
        router.post("/api/tickets").handler(this::issue);
        router.post("/api/tickets/:id/print").handler(this::reprint);
        router.post("/api/bookings/:id/check-in").handler(this::checkIn);
        router.get("/api/notify").handler(rc -> server.notifyOffer()
                .onSuccess(response -> Responses.passThrough(rc, response)).onFailure(rc::fail));
        router.post("/api/tickets/:id/notify").handler(this::leavePhone);
        router.post("/api/settings/unlock").handler(rc -> Responses.json(rc, 200,
                new JsonObject().put("token", settings.unlock(body(rc).getString("pin")))));
        router.get("/api/settings").handler(this::showSettings);
        router.post("/api/settings/test-print").handler(this::testPrint);
        router.get("/i18n/kiosk.json").handler(this::texts);
        router.route("/*").handler(StaticHandler.create("kiosk-ui").setCachingEnabled(false));
        router.route().failureHandler(Responses.failures());
        return router;
    }

    /** One camera frame → the code in it, if any. Decoding is CPU work: off the event loop. */
    private void scan(RoutingContext rc) {
        String type = rc.request().getHeader("Content-Type");
        String mediaType = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!IMAGE_TYPES.contains(mediaType)) {
            throw new KioskProblem("UNSUPPORTED_MEDIA_TYPE", 415);
        }
        byte[] frame = rc.body().buffer() == null ? new byte[0] : rc.body().buffer().getBytes();
        vertx.executeBlocking(() -> decoder.decode(frame), false).onComplete(ar -> {
            if (ar.failed()) {
                Throwable e = ar.cause();
                rc.fail(e instanceof NotAnImageException ? new KioskProblem("NOT_AN_IMAGE", 400)
                        : e instanceof ImageTooLargeException ? new KioskProblem("TOO_LARGE", 413) : e);
                return;
            }
            DecodeResult result = ar.result();
            if (!result.found()) {
                rc.fail(new KioskProblem("NO_CODE_FOUND", 422));
                return;
            }
            Responses.json(rc, 200, payload(ScanPayload.classify(result.text()), result.text()));
        });
    }

    /** Typed digits (keypad) or a USB scanner's text (keyboard wedge) → what it is. */
    private void identify(RoutingContext rc) {
        Object value = body(rc).getValue("text");
        if (value != null && !(value instanceof String)) {
            // The page sends what was typed or scanned as text; anything else is no request of the page's.
            throw new KioskProblem("BAD_REQUEST", 400);
        }
        String text = value == null ? "" : ((String) value).strip();
        String digits = text.replaceAll("[\\s.-]", "");
        if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
            ScanPayload payload = ScanPayload.classify(digits);
            if (payload.kind() == ScanPayload.Kind.OTHER) {
                throw new KioskProblem(digits.length() == 16 ? "INVALID_NIK" : "INVALID_NUMBER", 400);
            }
            Responses.json(rc, 200, payload(payload, digits));
            return;
        }
        Responses.json(rc, 200, payload(ScanPayload.classify(text), text));
    }

    private static JsonObject payload(ScanPayload payload, String raw) {
        return new JsonObject()
                .put("kind", payload.kind().name())
                .put("text", payload.kind() == ScanPayload.Kind.OTHER
                        ? raw.substring(0, Math.min(raw.length(), 200)) : payload.value());
    }

    private void eligibility(RoutingContext rc) {
        String card = rc.queryParams().get("card");
        String nik = rc.queryParams().get("nik");
        server.eligibility(card != null ? "card" : "nik", card != null ? card : nik == null ? "" : nik)
                .onSuccess(response -> Responses.passThrough(rc, response))
                .onFailure(rc::fail);
    }

    /**
     * The services patients can choose, with how many wait and for about how long. Read from the server each time
     * a patient reaches the choice, so an admin's change shows without restarting the kiosk.
     */
    private void services(RoutingContext rc) {
        server.queue().onComplete(ar -> {
            if (ar.failed()) {
                rc.fail(ar.cause());
            } else if (ar.result().statusCode() != 200) {
                Responses.passThrough(rc, ar.result());
            } else {
                JsonArray services = new JsonArray();
                ar.result().bodyAsJsonObject().getJsonArray("services").forEach(s -> {
                    JsonObject service = (JsonObject) s;
                    if (Boolean.FALSE.equals(service.getBoolean("kioskVisible"))) {
                        // The admin keeps it off the kiosk (e.g. the pharmacy, reached by transfer); staff issue it.
                        return;
                    }
                    services.add(new JsonObject()
                            .put("code", service.getString("code"))
                            .put("name", service.getString("name"))
                            .put("nameEn", service.getString("nameEn"))
                            .put("prefix", service.getString("prefix"))
                            // a dental poli: JKN there is decided by the dental FKTP (the eligibility's "dental")
                            .put("dental", Boolean.TRUE.equals(service.getBoolean("dental")))
                            .put("open", service.getBoolean("open"))
                            .put("closedToday", service.getJsonObject("closedToday"))
                            .put("waitingCount", service.getInteger("waitingCount"))
                            .put("estimatedWaitMinutes", service.getInteger("estimatedWaitMinutes")));
                });
                Responses.json(rc, 200, new JsonObject().put("services", services));
            }
        });
    }

    /** The patient's phone for messages about their ticket: the server checks and keeps it, the agent only passes it on. */
    private void leavePhone(RoutingContext rc) {
        String id = rc.pathParam("id");
        Object phone = body(rc).getValue("phone");
        if (!id.matches("[0-9]{1,18}")) {
            throw new KioskProblem("NOT_FOUND", 404);
        }
        if (!(phone instanceof String text) || text.length() > 32) {
            throw new KioskProblem("BAD_REQUEST", 400);
        }
        server.leavePhone(Long.parseLong(id), text)
                .onSuccess(response -> Responses.passThrough(rc, response)).onFailure(rc::fail);
    }

    private void ticket(RoutingContext rc) {
        String id = rc.pathParam("id");
        if (!id.matches("[0-9]{1,18}")) {
            throw new KioskProblem("NOT_FOUND", 404);
        }
        server.ticket(Long.parseLong(id)).onSuccess(response -> Responses.passThrough(rc, response)).onFailure(rc::fail);
    }

    /** A scanned ticket's tracking link: its state from the server's public tracking API (nothing personal). */
    private void tracked(RoutingContext rc) {
        String code = rc.pathParam("code");
        if (!TrackLink.isCode(code)) {
            throw new KioskProblem("NOT_FOUND", 404);
        }
        server.tracked(code).onSuccess(response -> Responses.passThrough(rc, response)).onFailure(rc::fail);
    }

    private void issue(RoutingContext rc) {
        JsonObject body = body(rc);
        String key = body.getString("key");
        if (key == null || !key.matches("[!-~]{8,200}")) {
            throw new KioskProblem("BAD_REQUEST", 400);
        }
        JsonObject request = new JsonObject().put("service", body.getString("service"))
                .put("payer", body.getString("payer"));
        if (body.getString("cardNumber") != null) {
            request.put("cardNumber", body.getString("cardNumber"));
        }
        if (body.getString("nik") != null) {
            request.put("nik", body.getString("nik"));
        }
        if (Boolean.TRUE.equals(body.getValue("priority"))) {
            request.put("priority", true);
        }
        desk.issue(request, key, language(body)).onComplete(ar -> {
            if (ar.succeeded()) {
                Responses.json(rc, 201, ar.result());
            } else if (ar.cause() instanceof TicketDesk.Refused refused) {
                Responses.passThrough(rc, refused.response());
            } else {
                rc.fail(ar.cause());
            }
        });
    }

    /** "Print it again": the number the patient already holds today (the server refused them a second one). */
    private void reprint(RoutingContext rc) {
        String id = rc.pathParam("id");
        if (!id.matches("[0-9]{1,18}")) {
            throw new KioskProblem("NOT_FOUND", 404);
        }
        desk.reprint(Long.parseLong(id), language(body(rc))).onComplete(ar -> {
            if (ar.succeeded()) {
                Responses.json(rc, 200, ar.result());
            } else if (ar.cause() instanceof TicketDesk.Refused refused) {
                Responses.passThrough(rc, refused.response());
            } else if (ar.cause() instanceof TicketDesk.NotReprintable) {
                rc.fail(new KioskProblem("NOT_REPRINTABLE", 409));
            } else {
                rc.fail(ar.cause());
            }
        });
    }

    private void checkIn(RoutingContext rc) {
        String id = rc.pathParam("id");
        if (!id.matches("[0-9]{1,18}")) {
            throw new KioskProblem("NOT_FOUND", 404);
        }
        desk.checkIn(Long.parseLong(id), language(body(rc))).onComplete(ar -> {
            if (ar.succeeded()) {
                Responses.json(rc, 200, ar.result());
            } else if (ar.cause() instanceof TicketDesk.Refused refused) {
                Responses.passThrough(rc, refused.response());
            } else {
                rc.fail(ar.cause());
            }
        });
    }

    private void showSettings(RoutingContext rc) {
        settings.check(rc.request().getHeader("X-Kiosk-Settings"));
        Responses.json(rc, 200, new JsonObject()
                .put("facility", config.facility())
                .put("serverUrl", config.serverUrl())
                .put("printer", desk.printer().describe())
                .put("printerWidth", config.printerWidth())
                .put("lastError", desk.lastPrint() == null || desk.lastPrint().isPrinted() ? null
                        : PrintOutcomes.toJson(desk.lastPrint()).getJsonObject("problem")));
    }

    private void testPrint(RoutingContext rc) {
        settings.check(rc.request().getHeader("X-Kiosk-Settings"));
        Responses.json(rc, vertx.executeBlocking(() -> PrintOutcomes.toJson(
                desk.printer().print(TestPage.pdf(config.printerWidth()), "test-page")), false));
    }

    /** The page's texts, from the kiosk's own bundles: they must show even when the server is away. */
    private void texts(RoutingContext rc) {
        Locale locale = "en".equals(rc.queryParams().get("lang")) ? Locale.ENGLISH : Locale.forLanguageTag("id");
        JsonObject texts = new JsonObject();
        for (String name : new String[] {"kiosk", "kiosk_print", "kiosk_agent"}) {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle("i18n." + name, locale,
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
                bundle.keySet().stream().sorted().forEach(key -> texts.put(key, bundle.getString(key)));
            } catch (MissingResourceException e) {
                // A bundle not written yet: the page falls back to its keys.
            }
        }
        Responses.json(rc, 200, texts);
    }

    /** The language the patient reads the page in, for their printed ticket: {@code id} unless {@code en}. */
    private static String language(JsonObject body) {
        Object lang = body.getValue("lang");
        if (lang == null) {
            return "id";
        }
        if (!"id".equals(lang) && !"en".equals(lang)) {
            throw new KioskProblem("BAD_REQUEST", 400);
        }
        return (String) lang;
    }

    private static JsonObject body(RoutingContext rc) {
        if (rc.body() == null || rc.body().isEmpty()) {
            return new JsonObject();
        }
        try {
            JsonObject json = rc.body().asJsonObject();
            return json == null ? new JsonObject() : json;
        } catch (RuntimeException e) {
            throw new KioskProblem("BAD_REQUEST", 400);
        }
    }
}
