package id.antrean.web;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.Optional;

/**
 * What one feature serves over HTTP. Each feature mounts its own operations, so this package (the shared web
 * mechanics) depends on no feature, and only {@code app} knows them all.
 */
public interface Routes {

    /** Handlers for the contract's operations this feature owns, by operationId. */
    default void mount(RouterBuilder contract) {
    }

    /**
     * Routes outside the contract: what its validator cannot take (a PDF, a CSV, an event stream) or another
     * contract altogether (Mobile JKN's). Mounted after the contract's routes, before the pages.
     */
    default void mount(Router router, Vertx vertx) {
    }

    /**
     * How a request to this path reads its body, when this feature reads it itself (a streamed upload, another
     * contract's limits); empty for the API's usual JSON body.
     */
    default Optional<Handler<RoutingContext>> bodyReader(String path) {
        return Optional.empty();
    }
}
