package id.antrean.backup;

import id.antrean.metrics.Metrics;
import id.antrean.metrics.Sampler;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;

/** How old the last successful backup is (any node's: they share the database), for an alert when nights fail. */
public final class BackupAge implements Sampler {
    static final String LAST_SUCCESS = "SELECT max(finished_at) AS at FROM backup_run WHERE outcome = 'SUCCEEDED'";

    private final SqlClient db;
    private volatile Instant lastSuccess;

    public BackupAge(SqlClient db, Metrics metrics, Clock clock) {
        this.db = db;
        metrics.backupAge(() -> {
            Instant at = lastSuccess;
            return at == null ? Double.NaN : (clock.millis() - at.toEpochMilli()) / 1000.0;
        });
    }

    @Override
    public Future<Void> sample() {
        return db.query(LAST_SUCCESS).execute().map(rows -> {
            OffsetDateTime at = rows.iterator().next().getOffsetDateTime("at");
            lastSuccess = at == null ? null : at.toInstant();
            return null;
        });
    }
}
