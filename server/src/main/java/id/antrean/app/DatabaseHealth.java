package id.antrean.app;

import id.antrean.db.Database;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;
import io.vertx.sqlclient.Pool;

/**
 * The database part of {@code /health}: UP when a query goes through; for the embedded PostgreSQL also what it is
 * doing ({@code RESTARTING} after a crash, how many restarts, the last error), so a technician sees why.
 */
final class DatabaseHealth implements Handler<Promise<Status>> {
    private final Pool pool;
    private final Database database;

    DatabaseHealth(Pool pool, Database database) {
        this.pool = pool;
        this.database = database;
    }

    @Override
    public void handle(Promise<Status> promise) {
        pool.query("SELECT 1").execute()
                .onSuccess(rows -> promise.tryComplete(withState(Status.OK())))
                .onFailure(e -> promise.tryComplete(withState(Status.KO())));
    }

    /** The embedded database's state as it is once the query has answered, so the two agree. */
    private Status withState(Status status) {
        database.embedded().ifPresent(embedded -> status.setData(new JsonObject().put("embedded", embedded.health())));
        return status;
    }
}
