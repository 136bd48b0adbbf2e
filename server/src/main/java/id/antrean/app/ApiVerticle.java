package id.antrean.app;

import id.antrean.web.ApiContract;
import id.antrean.web.ApiRouter;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import id.antrean.web.ProblemHandler;
import id.antrean.web.http.ConnectionGuard;
import id.antrean.web.http.ConnectionsPerAddress;
import id.antrean.web.http.HttpLimits;
import id.antrean.web.http.RequestTargetCheck;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/** One HTTP server instance; several are deployed, one per event loop, sharing the port. */
final class ApiVerticle extends VerticleBase {
    private final ApiContract contract;
    private final ApiRouter.Parts api;
    private final int port;
    private final HttpLimits limits;
    private final ConnectionsPerAddress perAddress;
    private final IntConsumer boundPort;
    private final Consumer<Router> built;

    ApiVerticle(ApiContract contract, ApiRouter.Parts api, int port, HttpLimits limits, ConnectionsPerAddress perAddress,
                IntConsumer boundPort, Consumer<Router> built) {
        this.contract = contract;
        this.api = api;
        this.port = port;
        this.limits = limits;
        this.perAddress = perAddress;
        this.boundPort = boundPort;
        this.built = built;
    }

    @Override
    public Future<?> start() {
        String malformed = ProblemHandler.toJson(Problem.of(ErrorCode.MALFORMED_REQUEST)).encode();
        Router router = ApiRouter.create(vertx, contract, api);
        built.accept(router);
        return vertx.createHttpServer(new HttpServerOptions()
                        .setPort(port)
                        .setCompressionSupported(true)
                        // Seconds without a byte read or written; the event stream's heartbeat is more frequent.
                        .setIdleTimeout(limits.idleTimeoutSeconds()))
                .connectionHandler(new ConnectionGuard(limits, perAddress, () -> malformed))
                .requestHandler(new RequestTargetCheck(router, request ->
                        ProblemHandler.send(request.response(), Problem.of(ErrorCode.MALFORMED_REQUEST))))
                .listen()
                .map(HttpServer::actualPort)
                .onSuccess(boundPort::accept);
    }
}
