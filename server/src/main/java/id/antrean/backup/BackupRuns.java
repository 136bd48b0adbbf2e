package id.antrean.backup;

import id.antrean.events.EventLog;
import id.antrean.events.EventType;
import id.antrean.events.QueueEvent;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import id.antrean.web.UniqueViolation;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The record of backup runs ({@code backup_run}): one row per run, written when it starts and when it ends. */
final class BackupRuns {
    /** A run left RUNNING by a server that stopped mid-way must not block every later one. */
    static final String ABANDON = """
            UPDATE backup_run SET outcome = 'FAILED', finished_at = $1,
                   error = 'interrupted: the server stopped during the backup'
            WHERE outcome = 'RUNNING' AND started_at < $2""";
    static final String BEGIN = """
            INSERT INTO backup_run (trigger, scheduled_for, requested_by, started_at, file_name, outcome)
            VALUES ($1, $2, $3, $4, $5, 'RUNNING')
            RETURNING run_id""";
    static final String SUCCEEDED = """
            UPDATE backup_run SET outcome = 'SUCCEEDED', finished_at = $2, bytes = $3
            WHERE run_id = $1 AND outcome = 'RUNNING'""";
    static final String FAILED = """
            UPDATE backup_run SET outcome = 'FAILED', finished_at = $2, error = $3
            WHERE run_id = $1 AND outcome = 'RUNNING'""";
    static final String RECENT = """
            SELECT run_id, trigger, requested_by, started_at, finished_at, file_name, bytes, outcome, error
            FROM backup_run ORDER BY started_at DESC, run_id DESC LIMIT $1""";
    static final String FACILITIES = "SELECT facility_id, time_zone FROM facility ORDER BY facility_id";
    private static final int ERROR_LIMIT = 2000;

    /** A run just begun. */
    record Started(long id, String fileName, Instant at) {
    }

    private final Pool pool;
    private final Duration timeout;

    BackupRuns(Pool pool, Duration timeout) {
        this.pool = pool;
        this.timeout = timeout;
    }

    /**
     * Records a run as RUNNING; fails with {@code BACKUP_RUNNING} while another one runs (on any node) or, for a
     * scheduled run, when another node already took that night.
     */
    Future<Started> begin(SqlClient tx, String trigger, Instant scheduledFor, String requestedBy, String fileName,
                          Instant at) {
        return tx.preparedQuery(ABANDON).execute(Tuple.of(utc(at), utc(at.minus(timeout.multipliedBy(2)))))
                .compose(v -> tx.preparedQuery(BEGIN).execute(Tuple.of(trigger,
                        scheduledFor == null ? null : utc(scheduledFor), requestedBy, utc(at), fileName)))
                .map(rows -> new Started(rows.iterator().next().getLong("run_id"), fileName, at))
                .recover(e -> Future.failedFuture(UniqueViolation.is(e) ? Problem.of(ErrorCode.BACKUP_RUNNING) : e));
    }

    Future<Void> succeeded(long id, long bytes, Instant at) {
        return pool.preparedQuery(SUCCEEDED).execute(Tuple.of(id, utc(at), bytes)).mapEmpty();
    }

    /** Records the failure and, in the same transaction, alerts every facility's consoles. */
    Future<Void> failed(long id, String fileName, String error, Instant at) {
        String text = error == null || error.isBlank() ? "unknown error" : error;
        String stored = text.length() > ERROR_LIMIT ? text.substring(0, ERROR_LIMIT) : text;
        return pool.withTransaction(tx -> tx.preparedQuery(FAILED).execute(Tuple.of(id, utc(at), stored))
                .compose(v -> tx.query(FACILITIES).execute())
                .compose(facilities -> alertEach(tx, facilities, new JsonObject().put("backup", new JsonObject()
                        .put("id", id).put("file", fileName).put("error", stored)), at)));
    }

    private static Future<Void> alertEach(SqlClient tx, RowSet<Row> facilities, JsonObject body, Instant at) {
        Future<?> chain = Future.succeededFuture();
        for (Row facility : facilities) {
            long facilityId = facility.getLong("facility_id");
            ZoneId zone = ZoneId.of(facility.getString("time_zone"));
            // One after another: a transaction's statements run in order on its one connection anyway.
            chain = chain.compose(v -> EventLog.append(tx, new QueueEvent(facilityId, EventType.BACKUP_FAILED, at, zone,
                    null, null, null, body.copy())));
        }
        return chain.mapEmpty();
    }

    /** The latest runs, newest first, times in {@code zone}. */
    Future<List<JsonObject>> recent(int limit, ZoneId zone) {
        return pool.preparedQuery(RECENT).execute(Tuple.of(limit)).map(rows -> {
            List<JsonObject> runs = new ArrayList<>();
            for (Row r : rows) {
                runs.add(new JsonObject()
                        .put("id", r.getLong("run_id"))
                        .put("trigger", r.getString("trigger"))
                        .put("requestedBy", r.getString("requested_by"))
                        .put("startedAt", local(r, "started_at", zone))
                        .put("finishedAt", local(r, "finished_at", zone))
                        .put("file", r.getString("file_name"))
                        .put("bytes", r.getLong("bytes"))
                        .put("outcome", r.getString("outcome"))
                        .put("error", r.getString("error")));
            }
            return runs;
        });
    }

    private static String local(Row row, String column, ZoneId zone) {
        var at = row.getOffsetDateTime(column);
        return at == null ? null : at.atZoneSameInstant(zone).toOffsetDateTime().toString();
    }

    private static java.time.OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
