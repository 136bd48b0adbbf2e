package id.antrean.testing;

import id.antrean.db.Database;
import id.antrean.db.NodePool;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

/**
 * A node's pool (its own settings, one connection) to a test server's database through {@link WireTurns}: what a
 * piece of code costs in round trips to PostgreSQL, counted on the wire.
 */
public final class CountedPool implements AutoCloseable {
    private final WireTurns wire;
    private final Vertx vertx;
    private final Pool pool;

    private CountedPool(TestServer server) {
        wire = WireTurns.to(server.databaseUrl());
        vertx = Vertx.vertx();
        pool = NodePool.open(vertx, Database.fromUrl(wire.url(server.databaseUrl())), 1, 1);
    }

    public static CountedPool to(TestServer server) {
        return new CountedPool(server);
    }

    public Pool pool() {
        return pool;
    }

    /** The turns counted since the last take (see {@link WireTurns#take}). */
    public int take() {
        return wire.take();
    }

    @Override
    public void close() {
        vertx.close().await();
        wire.close();
    }
}
