package id.antrean.kiosk.web;

import id.antrean.protocol.PercentEscapes;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests the kiosk page never sends but a broken or hostile local program might: a {@code %}-escape that does
 * not decode, a chunked body that cannot be read. Each gets a 400 {@code BAD_REQUEST} problem and one log line;
 * left to Vert.x, the first logs a stack trace and the second gets no answer at all. (The server has the same
 * guard in {@code id.antrean.web.http}; the agent cannot depend on the server's module.)
 */
public final class MalformedRequests {
    private static final Logger LOG = LoggerFactory.getLogger(MalformedRequests.class);
    /** Vert.x's own HTTP/1.x handler, the last in the pipeline: ours goes just before it. */
    private static final String VERTX_HANDLER = "handler";

    private MalformedRequests() {
    }

    /** Refuses a request target with a broken escape before the router, which would throw decoding it. */
    public static Handler<HttpServerRequest> checkTarget(Handler<HttpServerRequest> router) {
        return request -> {
            if (PercentEscapes.valid(request.uri())) {
                router.handle(request);
                return;
            }
            LOG.warn("400 malformed request target: {} with an invalid %-escape", request.method());
            request.response().setStatusCode(400)
                    .putHeader("Content-Type", "application/problem+json; charset=utf-8")
                    .end(problem());
        };
    }

    /** Gives each HTTP/1.x connection an answer for a body that cannot be decoded. */
    public static Handler<HttpConnection> answerUndecodableBodies() {
        return connection -> {
            ChannelPipeline pipeline = connection instanceof ConnectionBase base ? base.channel().pipeline() : null;
            if (pipeline != null && pipeline.get(VERTX_HANDLER) != null && pipeline.get("httpDecoder") != null) {
                pipeline.addBefore(VERTX_HANDLER, "kiosk-malformed-body", new MalformedBodyAnswer());
            }
        };
    }

    private static String problem() {
        return new KioskProblem("BAD_REQUEST", 400).toJson().encode();
    }

    /** Answers 400 and closes in place of Vert.x, which would close the socket without flushing any answer. */
    private static final class MalformedBodyAnswer extends ChannelDuplexHandler {
        private boolean answering;
        private boolean answered;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (answered) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (!(msg instanceof HttpContent content) || content.decoderResult().isSuccess()) {
                super.channelRead(ctx, msg);
                return;
            }
            answered = true;
            Throwable cause = content.decoderResult().cause();
            ReferenceCountUtil.release(msg);
            LOG.warn("400 malformed request body: {}", cause == null ? "undecodable" : cause.getMessage());
            if (answering) {
                ctx.close();
                return;
            }
            byte[] body = problem().getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.BAD_REQUEST, Unpooled.wrappedBuffer(body));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json; charset=utf-8")
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (answered) {
                ReferenceCountUtil.release(msg);
                promise.trySuccess();
                return;
            }
            if (msg instanceof HttpResponse) {
                answering = true;
            }
            if (msg instanceof LastHttpContent) {
                answering = false;
            }
            super.write(ctx, msg, promise);
        }
    }
}
