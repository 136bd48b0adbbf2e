package id.antrean.web.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes an HTTP/1.x connection that does not send a request head in time: the first within the header
 * timeout of connecting, each next one within the idle timeout of the previous answer. Vert.x 5 has no
 * header-read timeout, and its idle timeout never fires for a client that trickles a byte now and then.
 *
 * <p>Sits in the channel's pipeline just before Vert.x's handler, so it sees each decoded request head coming
 * in and the end of each answer going out. While an answer is under way (an event stream) there is no deadline.
 */
final class RequestHeadDeadline extends ChannelDuplexHandler {
    static final String NAME = "antrean-request-head-deadline";
    private final long firstHeadMillis;
    private final long nextHeadMillis;
    private int inFlight;
    private ScheduledFuture<?> deadline;

    RequestHeadDeadline(long firstHeadMillis, long nextHeadMillis) {
        this.firstHeadMillis = firstHeadMillis;
        this.nextHeadMillis = nextHeadMillis;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        schedule(ctx, firstHeadMillis);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel();
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest) {
            inFlight++;
            cancel();
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof LastHttpContent && !isInterim(msg) && inFlight > 0 && --inFlight == 0) {
            schedule(ctx, nextHeadMillis);
        }
        super.write(ctx, msg, promise);
    }

    /** A {@code 100 Continue} is written as a whole response of its own, but the request's answer is still to come. */
    private static boolean isInterim(Object msg) {
        return msg instanceof HttpResponse response
                && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
    }

    private void schedule(ChannelHandlerContext ctx, long millis) {
        cancel();
        deadline = ctx.executor().schedule(() -> {
            if (inFlight == 0) {
                ctx.close();
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
