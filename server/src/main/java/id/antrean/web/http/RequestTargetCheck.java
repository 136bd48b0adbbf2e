package id.antrean.web.http;

import id.antrean.protocol.PercentEscapes;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a request whose path or query has a broken {@code %}-escape ({@code %zz}, a lone {@code %}) before the
 * router sees it: Vert.x Web would throw while decoding it, log the stack trace and answer a bare 400.
 */
public final class RequestTargetCheck implements Handler<HttpServerRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(RequestTargetCheck.class);
    private final Handler<HttpServerRequest> next;
    private final Consumer<HttpServerRequest> refuse;

    /** @param refuse answers the request with a 400 problem */
    public RequestTargetCheck(Handler<HttpServerRequest> next, Consumer<HttpServerRequest> refuse) {
        this.next = next;
        this.refuse = refuse;
    }

    @Override
    public void handle(HttpServerRequest request) {
        if (PercentEscapes.valid(request.uri())) {
            next.handle(request);
            return;
        }
        // The target itself is not logged: its query may hold a card number or a NIK.
        LOG.warn("400 malformed request target from {}: {} with an invalid %-escape",
                request.remoteAddress() == null ? "?" : request.remoteAddress().hostAddress(), request.method());
        refuse.accept(request);
    }
}
