package id.antrean.kiosk.web;

import id.antrean.kiosk.server.ServerClient;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers of the kiosk agent: JSON, a server's answer passed through, or a problem. */
final class Responses {
    private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

    private Responses() {
    }

    static void json(RoutingContext rc, int status, JsonObject body) {
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(body.encode());
    }

    static void json(RoutingContext rc, Future<JsonObject> body) {
        body.onSuccess(json -> json(rc, 200, json)).onFailure(rc::fail);
    }

    /** The server's own answer (its JSON or problem+json), as it came. */
    static void passThrough(RoutingContext rc, HttpResponse<Buffer> response) {
        String type = response.getHeader("Content-Type");
        rc.response().setStatusCode(response.statusCode())
                .putHeader("Content-Type", type == null ? "application/json" : type)
                .putHeader("Cache-Control", "no-store")
                .end(response.body() == null ? Buffer.buffer() : response.body());
    }

    static Handler<RoutingContext> failures() {
        return rc -> {
            if (rc.response().ended() || rc.response().closed()) {
                return;
            }
            KioskProblem problem = toProblem(rc.failure(), rc.statusCode());
            rc.response().setStatusCode(problem.status())
                    .putHeader("Content-Type", "application/problem+json; charset=utf-8")
                    .end(problem.toJson().encode());
        };
    }

    private static KioskProblem toProblem(Throwable failure, int status) {
        if (failure instanceof KioskProblem p) {
            return p;
        }
        if (failure instanceof ServerClient.ServerUnreachable e) {
            LOG.warn("Server unreachable: {}", e.getMessage());
            return new KioskProblem("SERVER_UNREACHABLE", 503);
        }
        if (failure instanceof io.vertx.core.json.DecodeException) {
            return new KioskProblem("BAD_REQUEST", 400);
        }
        int code = failure instanceof HttpException http ? http.getStatusCode() : status;
        return switch (code) {
            case 404 -> new KioskProblem("NOT_FOUND", 404);
            case 405 -> new KioskProblem("NOT_FOUND", 405);
            case 413 -> new KioskProblem("TOO_LARGE", 413);
            default -> {
                if (code >= 400 && code < 500) {
                    // Vert.x's own refusals of a request (a Range beyond the file: 416, …) stay what they are.
                    yield new KioskProblem("BAD_REQUEST", code);
                }
                LOG.error("Unexpected failure in the kiosk agent", failure);
                yield new KioskProblem("INTERNAL", 500);
            }
        };
    }
}
