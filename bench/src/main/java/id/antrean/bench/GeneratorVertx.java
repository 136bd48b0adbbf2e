package id.antrean.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * The load generator's Vert.x: on Linux's native transport (epoll), as the server runs, so that the generator,
 * which shares the machine's cores with the server and PostgreSQL, spends as little of them as it can.
 */
final class GeneratorVertx {
    private GeneratorVertx() {
    }

    static Vertx create() {
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        if (!vertx.isNativeTransportEnabled()) {
            System.err.println("load generator: no native transport (" + vertx.unavailableNativeTransportCause()
                    + "); on NIO");
        }
        return vertx;
    }
}
