package id.antrean.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The pages people use: the receptionist console ({@code /console/}), the waiting-room display
 * ({@code /display/{facility}}, from the display module) and their shared assets, plus the texts of those
 * pages from the message bundles ({@code /i18n/{bundle}.json?lang=id|en}). Pages hold no data: everything
 * comes from the API with the user's or device's token.
 */
public final class Pages {
    /** No inline script or style: what a page runs is what the server ships. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "media-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    static final Set<String> PAGE_BUNDLES = Set.of("console", "display", "track");
    private static final int ASSET_MAX_AGE_SECONDS = 300;

    private Pages() {
    }

    public static void mount(Router router) {
        // The first setup's page, at the short URL the start message prints.
        router.get("/console/setup").handler(Pages::securityHeaders).handler(rc -> rc.response()
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .sendFile("webroot/console/setup.html"));
        router.route("/console/*").handler(Pages::securityHeaders)
                .handler(StaticHandler.create("webroot/console").setMaxAgeSeconds(ASSET_MAX_AGE_SECONDS));
        router.route("/assets/*").handler(Pages::securityHeaders)
                .handler(StaticHandler.create("webroot/assets").setMaxAgeSeconds(ASSET_MAX_AGE_SECONDS));
        router.route("/display/assets/*").handler(Pages::securityHeaders)
                .handler(StaticHandler.create("display/assets").setMaxAgeSeconds(ASSET_MAX_AGE_SECONDS));
        router.get("/display/:facility").handler(Pages::securityHeaders).handler(rc -> rc.response()
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .sendFile("display/index.html"));
        router.get("/i18n/:file").handler(Pages::texts);
        router.get("/").handler(rc -> rc.redirect("/console/"));
    }

    /** The pages' headers: this CSP, no sniffing, no referrer (a tracking link's code never leaks in one). */
    public static void securityHeaders(RoutingContext rc) {
        rc.response()
                .putHeader("Content-Security-Policy", CSP)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer");
        rc.next();
    }

    /** {@code /i18n/display.json?lang=id}: every text of that page's bundle, as a flat JSON object. */
    private static void texts(RoutingContext rc) {
        String file = rc.pathParam("file");
        String bundle = file.endsWith(".json") ? file.substring(0, file.length() - 5) : file;
        if (!PAGE_BUNDLES.contains(bundle)) {
            ProblemHandler.send(rc, Problem.of(ErrorCode.NOT_FOUND));
            return;
        }
        Locale locale = "en".equals(rc.queryParams().get("lang")) ? Locale.ENGLISH : Messages.INDONESIAN;
        JsonObject texts = new JsonObject();
        try {
            ResourceBundle texts0 = ResourceBundle.getBundle("i18n." + bundle, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            texts0.keySet().stream().sorted().forEach(key -> texts.put(key, texts0.getString(key)));
        } catch (MissingResourceException e) {
            ProblemHandler.send(rc, Problem.of(ErrorCode.NOT_FOUND));
            return;
        }
        rc.response().putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .end(texts.encode());
    }
}
