package id.antrean.app;

import id.antrean.web.ApiRouter;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/** One HTTP server instance; several are deployed, one per event loop, sharing the port. */
final class ApiVerticle extends VerticleBase {
    private final ApiRouter.Features features;
    private final int port;
    private final IntConsumer boundPort;
    private final Consumer<Router> built;

    ApiVerticle(ApiRouter.Features features, int port, IntConsumer boundPort, Consumer<Router> built) {
        this.features = features;
        this.port = port;
        this.boundPort = boundPort;
        this.built = built;
    }

    @Override
    public Future<?> start() {
        return ApiRouter.create(vertx, features)
                .onSuccess(built::accept)
                .compose(router -> vertx.createHttpServer(new HttpServerOptions()
                                .setPort(port)
                                .setCompressionSupported(true)
                                .setIdleTimeout(0))
                        .requestHandler(router)
                        .listen())
                .map(HttpServer::actualPort)
                .onSuccess(boundPort::accept);
    }
}
