package id.antrean.web;

import id.antrean.auth.AuthHandlers;
import id.antrean.eligibility.EligibilityHandlers;
import id.antrean.eligibility.RosterUpload;
import id.antrean.facility.FacilityHandlers;
import id.antrean.mobilejkn.MobileJkn;
import id.antrean.queue.CounterAction;
import id.antrean.queue.QueueHandlers;
import id.antrean.reports.ReportsHandlers;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;

/**
 * Assembles the HTTP surface: the API routes from the OpenAPI contract (which validates every request
 * before a handler sees it), the event stream, health, the contract itself, and one error answer for all.
 */
public final class ApiRouter {
    public static final String CONTRACT = "openapi/antrean.yaml";
    static final int BODY_LIMIT_BYTES = 64 * 1024;

    /** Everything the routes hand requests to. */
    public record Features(FacilityHandlers facilities, QueueHandlers queue, EligibilityHandlers eligibility,
                           AuthHandlers auth, Handler<RoutingContext> guard, Handler<RoutingContext> events,
                           Handler<RoutingContext> ticketPdf, Handler<RoutingContext> deviceAlerts,
                           Handler<RoutingContext> bpjsOutbox, ReportsHandlers reports,
                           Handler<io.vertx.core.Promise<io.vertx.ext.healthchecks.Status>> databaseCheck,
                           MobileJkn mobileJkn) {
    }

    private ApiRouter() {
    }

    public static Future<Router> create(Vertx vertx, Features features) {
        Future<OpenAPIContract> contract = OpenAPIContract.from(vertx, CONTRACT);
        Future<Buffer> contractText = vertx.fileSystem().readFile(CONTRACT);
        return Future.all(contract, contractText)
                .map(v -> assemble(vertx, new CachedValidatorsContract(contract.result()), contractText.result(), features));
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

    static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        String media = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return media.startsWith("multipart/") || media.equals("application/x-www-form-urlencoded");
    }

    /**
     * A roster upload is read by its handler as a stream ({@code RosterUpload}), not held in memory here. The
     * request waits paused through the access check; answered before its body was read (401, 403, 413), the
     * rest of the body is read past, so the client gets its answer and the connection its next request.
     */
    private static void streamedBody(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        request.pause();
        rc.addEndHandler(ended -> {
            if (!request.isEnded()) {
                RosterUpload.discardRest(request);
            }
        });
        rc.next();
    }

    private static Router assemble(Vertx vertx, OpenAPIContract contract, Buffer contractText, Features f) {
        RouterBuilder builder = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler());
        BodyHandler small = BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES);
        builder.rootHandler(rc -> {
            if (MobileJkn.serves(rc.request().path())) {
                rc.next(); // Mobile JKN's sub-router reads its bodies itself, with its own limit and answers.
            } else if (isForm(rc.request().getHeader("Content-Type"))) {
                // No route takes a form. The body handler would read one as form fields, leaving no body, and an
                // optional body (a counter action's ticket) would silently become "the counter's current ticket".
                rc.fail(Problem.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE));
            } else if (rc.request().path().endsWith("/roster")) {
                streamedBody(rc);
            } else {
                small.handle(rc);
            }
        });
        // Before validation: another facility's route is a 403 whatever the request looks like.
        builder.rootHandler(f.guard());

        AuthHandlers auth = f.auth();
        builder.getRoute("loginToken").addHandler(auth::token);
        builder.getRoute("whoAmI").addHandler(auth::me);
        builder.getRoute("logout").addHandler(auth::logout);
        builder.getRoute("listDevices").addHandler(auth::listDevices);
        builder.getRoute("issueDevice").addHandler(auth::issueDevice);
        builder.getRoute("revokeDevice").addHandler(auth::revokeDevice);
        builder.getRoute("auditLog").addHandler(auth::audit);
        builder.getRoute("reportDeviceAlert").addHandler(f.deviceAlerts());
        builder.getRoute("bpjsOutbox").addHandler(f.bpjsOutbox());
        builder.getRoute("stats").addHandler(f.reports()::stats);

        builder.getRoute("listFacilities").addHandler(f.facilities()::listFacilities);
        builder.getRoute("listServices").addHandler(f.facilities()::listServices);
        builder.getRoute("listCounters").addHandler(f.facilities()::listCounters);

        builder.getRoute("checkEligibility").addHandler(f.eligibility()::check);
        // CSV is not a media type the contract validator knows: the handler reads the file itself.
        builder.getRoute("importRoster").setDoValidation(false).addHandler(f.eligibility()::importRoster);

        QueueHandlers queue = f.queue();
        builder.getRoute("issueTicket").addHandler(queue::issueTicket);
        builder.getRoute("getTicket").addHandler(queue::getTicket);
        builder.getRoute("getQueue").addHandler(queue::getQueue);
        builder.getRoute("checkIn").addHandler(queue::checkIn);
        builder.getRoute("callNext").addHandler(queue::callNext);
        builder.getRoute("callTicket").addHandler(queue.action(CounterAction.CALL));
        builder.getRoute("recallTicket").addHandler(queue.action(CounterAction.RECALL));
        builder.getRoute("skipTicket").addHandler(queue.action(CounterAction.SKIP));
        builder.getRoute("requeueTicket").addHandler(queue.action(CounterAction.REQUEUE));
        builder.getRoute("startTicket").addHandler(queue.action(CounterAction.START));
        builder.getRoute("finishTicket").addHandler(queue.action(CounterAction.FINISH));
        builder.getRoute("transferTicket").addHandler(queue.action(CounterAction.TRANSFER));
        builder.getRoute("parkTicket").addHandler(queue.action(CounterAction.PARK));
        builder.getRoute("resumeTicket").addHandler(queue.action(CounterAction.RESUME));
        builder.getRoute("cancelTicket").addHandler(queue.action(CounterAction.CANCEL));
        builder.getRoute("setMobileJknAccount").addHandler(f.mobileJkn()::setAccount);
        // Security is enforced by the guard above, not by the contract's declaration.
        builder.getRoutes().forEach(route -> route.setDoSecurity(false));

        Router router = builder.createRouter();
        // BPJS's online-queue contract: its own envelope, body limit and rate limit; no staff token.
        router.route(MobileJkn.MOUNT).subRouter(f.mobileJkn().router(vertx));
        router.get("/api/v1/facilities/:facility/events").handler(f.events());
        // PDF is not a media type the contract validator knows: this route is described in the contract's text.
        router.get("/api/v1/facilities/:facility/tickets/:ticket/ticket.pdf").handler(f.ticketPdf());
        router.get("/api/v1/facilities/:facility/reports/daily.pdf").handler(f.reports()::dailyPdf);
        router.get("/api/v1/facilities/:facility/reports/monthly.pdf").handler(f.reports()::monthlyPdf);
        router.get("/api/v1/facilities/:facility/reports/daily.csv").handler(f.reports()::dailyCsv);
        router.get("/api/v1/openapi.yaml").handler(rc -> rc.response()
                .putHeader("Content-Type", "application/yaml; charset=utf-8")
                .end(contractText));
        Pages.mount(router);
        router.get("/health").handler(HealthCheckHandler.create(vertx).register("database", 2000, f.databaseCheck()));

        ProblemHandler problems = new ProblemHandler();
        router.route().failureHandler(problems);
        router.errorHandler(404, rc -> ProblemHandler.send(rc, Problem.of(ErrorCode.NOT_FOUND)));
        router.errorHandler(405, rc -> ProblemHandler.send(rc, Problem.of(ErrorCode.METHOD_NOT_ALLOWED)));
        router.errorHandler(500, problems);
        return router;
    }
}
