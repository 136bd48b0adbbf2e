package id.antrean.app;

import id.antrean.web.ApiRouter;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.function.IntConsumer;

/** One HTTP server instance; several are deployed, one per event loop, sharing the port. */
final class ApiVerticle extends VerticleBase {
    private final ApiRouter.Features features;
    private final int port;
    private final IntConsumer boundPort;

    ApiVerticle(ApiRouter.Features features, int port, IntConsumer boundPort) {
        this.features = features;
        this.port = port;
        this.boundPort = boundPort;
    }

    @Override
    public Future<?> start() {
        return ApiRouter.create(vertx, features)
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
