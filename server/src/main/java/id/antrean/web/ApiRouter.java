package id.antrean.web;

import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.List;
import java.util.Optional;

/**
 * Assembles the HTTP surface: the API routes from the OpenAPI contract (which validates every request
 * before a handler sees it), the event stream, health, the contract itself, and one error answer for all.
 */
public final class ApiRouter {
    public static final String CONTRACT = "openapi/antrean.yaml";
    static final int BODY_LIMIT_BYTES = 64 * 1024;

    /**
     * What the router is made of.
     *
     * @param before        run in order before validation on every API route: who is asking and may they (the
     *                      access guard), which facility they ask about
     * @param databaseCheck the database part of {@code /health}
     * @param features      every feature's routes
     */
    public record Parts(List<Handler<RoutingContext>> before, Handler<Promise<Status>> databaseCheck,
                        List<Routes> features) {
    }

    private ApiRouter() {
    }

    /** The router of one HTTP instance, over the node's one contract ({@link ApiContract#load}). */
    public static Router create(Vertx vertx, ApiContract contract, Parts parts) {
        return assemble(vertx, contract.openApi(), contract.text(), parts);
    }

    /** The router's routes as {@code "METHOD /path"}, one per method (a route for all methods: {@code "* /path"}). */
    public static java.util.List<String> describe(Router router) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (io.vertx.ext.web.Route route : router.getRoutes()) {
            String path = route.getPath();
            if (path == null) {
                continue;
            }
            if (route.methods() == null || route.methods().isEmpty()) {
                out.add("* " + path);
            } else {
                route.methods().forEach(m -> out.add(m.name() + " " + path));
            }
        }
        return out;
    }

    /** A form body: no API operation takes one (see the root handler below). */
    public static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        String media = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return media.startsWith("multipart/") || media.equals("application/x-www-form-urlencoded");
    }

    private static Router assemble(Vertx vertx, OpenAPIContract contract, Buffer contractText, Parts parts) {
        RouterBuilder builder = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler());
        BodyHandler small = BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES);
        builder.rootHandler(rc -> {
            String path = rc.request().path();
            Optional<Handler<RoutingContext>> own = parts.features().stream()
                    .flatMap(feature -> feature.bodyReader(path).stream()).findFirst();
            if (own.isPresent()) {
                own.get().handle(rc);
            } else if (isForm(rc.request().getHeader("Content-Type"))) {
                // No route takes a form. The body handler would read one as form fields, leaving no body, and an
                // optional body (a counter action's ticket) would silently become "the counter's current ticket".
                rc.fail(Problem.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE));
            } else {
                small.handle(rc);
            }
        });
        // Before validation: another facility's route is a 403 whatever the request looks like.
        parts.before().forEach(builder::rootHandler);
        parts.features().forEach(feature -> feature.mount(builder));
        // Security is enforced by the guard above, not by the contract's declaration.
        builder.getRoutes().forEach(route -> route.setDoSecurity(false));

        Router router = builder.createRouter();
        parts.features().forEach(feature -> feature.mount(router, vertx));
        router.get("/api/v1/openapi.yaml").handler(rc -> rc.response()
                .putHeader("Content-Type", "application/yaml; charset=utf-8")
                .end(contractText));
        Pages.mount(router);
        router.get("/health").handler(HealthCheckHandler.create(vertx).register("database", 2000, parts.databaseCheck()));

        ProblemHandler problems = new ProblemHandler();
        router.route().failureHandler(problems);
        router.errorHandler(404, rc -> ProblemHandler.send(rc, Problem.of(ErrorCode.NOT_FOUND)));
        router.errorHandler(405, rc -> ProblemHandler.send(rc, Problem.of(ErrorCode.METHOD_NOT_ALLOWED)));
        router.errorHandler(500, problems);
        return router;
    }
}
