package id.antrean.testing;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of PostgreSQL that counts the client's turns: how often the client spoke again after an
 * answer had reached it. Statements sent one after another's answer cost a turn each; statements pipelined (sent
 * before the first answer) share one. So a test can state how many round trips a piece of work costs on the wire,
 * whatever the driver's settings make of the code's calls.
 *
 * <p>The answers reach the client {@link #LATENCY_MS} after PostgreSQL sent them, as over a slow network: a client
 * that pipelines writes its statements microseconds apart, possibly in several packets, and they must all be seen
 * before the first answer is delivered, or a packet split would count as a turn. Nothing waits on this delay but the
 * client; it only makes each turn that long.
 */
public final class WireTurns implements AutoCloseable {
    static final long LATENCY_MS = 50;

    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger turns = new AtomicInteger();
    private final NetServer server;

    private WireTurns(String host, int port) {
        NetClient client = vertx.createNetClient();
        server = vertx.createNetServer().connectHandler(front -> {
            front.pause();
            client.connect(port, host).onSuccess(back -> relay(front, back)).onFailure(e -> front.close());
        }).listen(0, "127.0.0.1").await();
    }

    /** A relay to the database of a {@code postgresql://} URL; {@link #url} reaches it through the relay. */
    public static WireTurns to(String databaseUrl) {
        var options = io.vertx.pgclient.PgConnectOptions.fromUri(databaseUrl);
        return new WireTurns(options.getHost(), options.getPort());
    }

    /** {@code databaseUrl} with its host and port replaced by the relay's. */
    public String url(String databaseUrl) {
        var options = io.vertx.pgclient.PgConnectOptions.fromUri(databaseUrl);
        return databaseUrl.replace(options.getHost() + ":" + options.getPort(), "127.0.0.1:" + server.actualPort());
    }

    /** The client's turns, over every connection, since the last call (and resets the count). */
    public int take() {
        return turns.getAndSet(0);
    }

    private void relay(NetSocket front, NetSocket back) {
        // Both sockets' handlers and the timers run on the relay's one event loop.
        boolean[] serverSpokeLast = {true};
        front.handler(bytes -> {
            if (serverSpokeLast[0]) {
                turns.incrementAndGet();
                serverSpokeLast[0] = false;
            }
            back.write(bytes);
        });
        // Timers of the same delay fire in the order they were set: the answers keep their order.
        back.handler(bytes -> vertx.setTimer(LATENCY_MS, id -> {
            serverSpokeLast[0] = true;
            front.write(bytes);
        }));
        front.closeHandler(v -> back.close());
        back.closeHandler(v -> vertx.setTimer(LATENCY_MS, id -> front.close()));
        front.resume();
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
