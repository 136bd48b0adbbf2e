package id.antrean.db;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;

/** The pool a node runs its requests' statements on. */
public final class NodePool {
    /**
     * Every statement a session has run stays prepared, however long: issuance is one statement of some 4,700
     * characters that PostgreSQL takes milliseconds to plan, and Vert.x's default cache skips statements over 2,048
     * characters, so it was planned again at every ticket (issue #18).
     */
    static final int CACHED_STATEMENT_MAX_CHARS = 32 * 1024;
    /** Well above the server's statements (some 200), so that none is pushed out by the others. */
    static final int CACHED_STATEMENTS_PER_SESSION = 1024;

    private NodePool() {
    }

    public static Pool open(Vertx vertx, Database database, int size, int eventLoops) {
        return PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(size).setEventLoopSize(eventLoops)
                        // A closed connection leaves the pool at once; these also retire, within a minute, one
                        // that still works but reached a node that is no primary any more (a switchover behind
                        // HAProxy), so that the next one goes where HAProxy routes now.
                        .setIdleTimeout(30).setIdleTimeoutUnit(TimeUnit.SECONDS)
                        .setMaxLifetime(60).setMaxLifetimeUnit(TimeUnit.SECONDS)
                        .setPoolCleanerPeriod(5000))
                .connectingTo(database.connectOptions().setPipeliningLimit(1)
                        .setCachePreparedStatements(true)
                        .setPreparedStatementCacheSqlLimit(CACHED_STATEMENT_MAX_CHARS)
                        .setPreparedStatementCacheMaxSize(CACHED_STATEMENTS_PER_SESSION))
                .using(vertx)
                .build();
    }
}
