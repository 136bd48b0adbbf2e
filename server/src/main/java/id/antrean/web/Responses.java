package id.antrean.web;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
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
        send(rc, status, result, false);
    }

    /**
     * An answer carrying a secret (a login's token, a new device's token): no cache, proxy or browser may keep it,
     * so it cannot be read back later from a shared machine's cache.
     */
    public static void secret(RoutingContext rc, int status, Future<JsonObject> result) {
        send(rc, status, result, true);
    }

    private static void send(RoutingContext rc, int status, Future<JsonObject> result, boolean secret) {
        result.onComplete(ar -> {
            if (ar.failed()) {
                rc.fail(ar.cause());
            } else if (!rc.response().ended()) {
                if (secret) {
                    rc.response().putHeader("Cache-Control", "no-store");
                }
                HttpServerResponse response = rc.response().setStatusCode(status)
                        .putHeader("Content-Type", "application/json; charset=utf-8");
                // Written in pieces, with its length: a large answer is never one array (JsonPieces).
                JsonPieces body = JsonPieces.of(ar.result());
                response.putHeader("Content-Length", Long.toString(body.length()));
                body.pieces().forEach(response::write);
                response.end();
            }
        });
    }
}
