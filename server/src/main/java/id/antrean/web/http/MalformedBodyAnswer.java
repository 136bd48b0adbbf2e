package id.antrean.web.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
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
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request whose body cannot be decoded (a broken chunk size, say) with a 400 problem and closes the
 * connection. Left to Vert.x, the decoder's failure closes the socket at once, before any answer is flushed,
 * and the failure reaches the handlers as an unexpected exception with its stack trace.
 *
 * <p>Sits in the channel's pipeline just before Vert.x's handler, which never sees the broken part.
 */
final class MalformedBodyAnswer extends ChannelDuplexHandler {
    static final String NAME = "antrean-malformed-body-answer";
    private static final Logger LOG = LoggerFactory.getLogger(MalformedBodyAnswer.class);
    private final Supplier<String> problemJson;
    private boolean answering;
    private boolean answered;

    /** @param problemJson the 400 problem's body, as every other error is written */
    MalformedBodyAnswer(Supplier<String> problemJson) {
        this.problemJson = problemJson;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (answered) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpContent content && content.decoderResult().isFailure()) {
            answered = true;
            Throwable cause = content.decoderResult().cause();
            ReferenceCountUtil.release(msg);
            LOG.warn("400 malformed request body from {}: {}", ctx.channel().remoteAddress(),
                    cause == null ? "undecodable" : cause.getMessage());
            if (answering) {
                // An answer is already on its way: a second one would corrupt it; closing is all that is left.
                ctx.close();
                return;
            }
            byte[] body = problemJson.get().getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.BAD_REQUEST, Unpooled.wrappedBuffer(body));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json; charset=utf-8")
                    .set(HttpHeaderNames.CONTENT_LANGUAGE, "id, en")
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (answered) {
            // Vert.x learns of the close later and may still try to answer the broken request: ours was the answer.
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
