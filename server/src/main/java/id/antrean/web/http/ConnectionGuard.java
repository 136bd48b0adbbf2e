package id.antrean.web.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every new HTTP connection passes here first: over its address's share of connections it is closed at once;
 * otherwise an HTTP/1.x connection gets a deadline for its request heads ({@link RequestHeadDeadline}) and an
 * answer for a body that cannot be decoded ({@link MalformedBodyAnswer}).
 *
 * <p>Both sit in the connection's Netty pipeline, reached through Vert.x's {@code ConnectionBase}: Vert.x 5
 * offers no public hook for either. Should a Vert.x upgrade change that class, the connection is served without
 * them (the idle timeout and the address cap still hold) and a warning says so once.
 */
public final class ConnectionGuard implements Handler<HttpConnection> {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
    /** Vert.x's own HTTP/1.x handler, the last in the pipeline: ours go just before it. */
    private static final String VERTX_HANDLER = "handler";
    private static volatile boolean warnedNoPipeline;

    private final HttpLimits limits;
    private final ConnectionsPerAddress perAddress;
    private final Supplier<String> malformedBodyProblem;

    public ConnectionGuard(HttpLimits limits, ConnectionsPerAddress perAddress, Supplier<String> malformedBodyProblem) {
        this.limits = limits;
        this.perAddress = perAddress;
        this.malformedBodyProblem = malformedBodyProblem;
    }

    @Override
    public void handle(HttpConnection connection) {
        String address = connection.remoteAddress() == null ? "?" : connection.remoteAddress().hostAddress();
        if (!perAddress.tryOpen(address)) {
            LOG.debug("Connection from {} closed: over {} connections from that address", address,
                    limits.connectionsPerAddress());
            connection.close();
            return;
        }
        connection.closeHandler(v -> perAddress.closed(address));
        guardHttp1(connection);
    }

    private void guardHttp1(HttpConnection connection) {
        Channel channel = connection instanceof ConnectionBase base ? base.channel() : null;
        ChannelPipeline pipeline = channel == null ? null : channel.pipeline();
        if (pipeline == null || pipeline.get(VERTX_HANDLER) == null || pipeline.get("httpDecoder") == null) {
            if (channel == null && !warnedNoPipeline) {
                warnedNoPipeline = true;
                LOG.warn("HTTP connections are served without a request-head deadline: Vert.x hides their pipeline");
            }
            return; // HTTP/2: its own framing; the idle timeout still holds
        }
        pipeline.addBefore(VERTX_HANDLER, RequestHeadDeadline.NAME, new RequestHeadDeadline(
                limits.headerTimeoutSeconds() * 1000L, limits.idleTimeoutSeconds() * 1000L));
        pipeline.addBefore(VERTX_HANDLER, MalformedBodyAnswer.NAME, new MalformedBodyAnswer(malformedBodyProblem));
    }
}
