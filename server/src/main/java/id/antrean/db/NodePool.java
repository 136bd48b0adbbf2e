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

    /**
     * Statements a session may have sent and not yet had answered. Where a request's statements do not need each
     * other's answers (the board's reads, what a counter's change leaves behind), they are sent together and
     * PostgreSQL runs them in order: one round trip instead of one each (issue #18). Was 1 (none pipelined).
     */
    static final int PIPELINED_STATEMENTS = 32;

    private NodePool() {
    }

    public static Pool open(Vertx vertx, Database database, int size, int eventLoops) {
        return PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(size).setEventLoopSize(eventLoops)
                        // A closed connection leaves the pool at once (HAProxy cuts the sessions of a node it marks
                        // down, so a switchover closes them). An open one retires after ten minutes idle or ten
                        // minutes of life, a safety net against one that lingers on a node that is no primary any
                        // more. Not sooner: a new session prepares and plans every statement again (~40 ms of
                        // PostgreSQL's CPU each), and sessions are opened and retired in bursts (a queue forms, the
                        // pool opens several at once), which stalled issuance at 200 tickets/s for 0.3 s at every
                        // retirement, once a minute with 60 s of life, and again with 30 s idle (bench issuance).
                        .setIdleTimeout(10).setIdleTimeoutUnit(TimeUnit.MINUTES)
                        .setMaxLifetime(10).setMaxLifetimeUnit(TimeUnit.MINUTES)
                        .setPoolCleanerPeriod(5000))
                .connectingTo(database.connectOptions().setPipeliningLimit(PIPELINED_STATEMENTS)
                        .setCachePreparedStatements(true)
                        .setPreparedStatementCacheSqlLimit(CACHED_STATEMENT_MAX_CHARS)
                        .setPreparedStatementCacheMaxSize(CACHED_STATEMENTS_PER_SESSION))
                .using(vertx)
                .build();
    }
}
