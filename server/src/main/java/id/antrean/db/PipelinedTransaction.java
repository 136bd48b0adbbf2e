package id.antrean.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import java.util.function.Function;

/**
 * A transaction whose first statements go out with its {@code BEGIN}: {@code Pool.withTransaction} waits for
 * PostgreSQL's answer to {@code BEGIN} before the work starts, one round trip of its own before anything is read.
 * The connection pipelines (see {@link NodePool}) and runs what it was sent in order, so statements sent right after
 * {@code BEGIN} run inside the transaction. Committed when the work succeeds, rolled back when it fails, as
 * {@code withTransaction} does. For the hot paths: the board, issuance, the counter's actions.
 */
public final class PipelinedTransaction {
    private PipelinedTransaction() {
    }

    public static <T> Future<T> run(Pool pool, Function<SqlConnection, Future<T>> work) {
        return pool.withConnection(conn -> {
            Future<Transaction> begun = conn.begin();
            Future<T> done;
            try {
                done = work.apply(conn);
            } catch (RuntimeException e) {
                done = Future.failedFuture(e);
            }
            Future<T> result = done;
            // Both settle whatever happens: a failed BEGIN fails the work's statements too.
            return Future.join(begun, result).transform(settled -> {
                if (begun.failed()) {
                    return Future.failedFuture(result.failed() ? result.cause() : begun.cause());
                }
                Transaction tx = begun.result();
                if (result.succeeded()) {
                    return tx.commit().map(result.result());
                }
                return tx.rollback().transform(rolledBack -> Future.<T>failedFuture(result.cause()));
            });
        });
    }
}
