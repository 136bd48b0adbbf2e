package id.antrean.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes a feature's result as JSON, or hands its failure to the {@link ProblemHandler}. */
public final class Responses {
    private Responses() {
    }

    public static void json(RoutingContext rc, Future<JsonObject> result) {
        json(rc, 200, result);
    }

    public static void json(RoutingContext rc, int status, Future<JsonObject> result) {
        result.onComplete(ar -> {
            if (ar.failed()) {
                rc.fail(ar.cause());
            } else if (!rc.response().ended()) {
                rc.response().setStatusCode(status)
                        .putHeader("Content-Type", "application/json; charset=utf-8")
                        .end(ar.result().encode());
            }
        });
    }
}
