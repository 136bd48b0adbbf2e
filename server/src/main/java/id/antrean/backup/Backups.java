package id.antrean.backup;

import id.antrean.auth.AccessGuard;
import id.antrean.auth.AuditLog;
import id.antrean.auth.Principal;
import id.antrean.db.Database;
import id.antrean.facility.FacilityContext;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import id.antrean.web.Responses;
import id.antrean.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of the whole database (every facility's data): nightly at BACKUP_TIME in BACKUP_ZONE, or now when an
 * admin asks ({@code POST …/backups}); {@code GET …/backups} shows the last runs and the next one. A failure is a
 * {@code BACKUP_FAILED} event on every facility's stream, so each admin console shows it.
 */
public final class Backups implements Routes {
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    private static final int SHOWN_RUNS = 20;

    private final Vertx vertx;
    private final Pool pool;
    private final DatabaseBackup backup;
    private final BackupConfig config;
    private final BackupRuns runs;
    private final Clock clock;
    private volatile Instant nextRun;

    private Backups(Vertx vertx, Pool pool, DatabaseBackup backup, BackupConfig config, Clock clock) {
        this.vertx = vertx;
        this.pool = pool;
        this.backup = backup;
        this.config = config;
        this.runs = new BackupRuns(pool, config.timeout());
        this.clock = clock;
    }

    /** Backups of {@code database}, the nightly one scheduled unless BACKUP_TIME=off. */
    public static Backups start(Vertx vertx, Pool pool, Database database, BackupConfig config, Clock clock) {
        Backups backups = new Backups(vertx, pool, new DatabaseBackup(database, config.timeout()), config, clock);
        backups.scheduleNext();
        return backups;
    }

    private void scheduleNext() {
        scheduleAfter(clock.instant());
    }

    /** Arms the timer for the first night after {@code after} (never the night just taken, even if the clock lags). */
    private void scheduleAfter(Instant after) {
        Optional<BackupSchedule> schedule = config.schedule();
        if (schedule.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Instant next = schedule.get().next(now.isAfter(after) ? now : after);
        nextRun = next;
        vertx.setTimer(Math.max(1, Duration.between(now, next).toMillis()),
                id -> takeScheduled(next).onComplete(done -> scheduleAfter(next)));
    }

    private Future<Void> takeScheduled(Instant night) {
        Instant at = clock.instant();
        return pool.withTransaction(tx -> runs.begin(tx, "SCHEDULED", night, null, fileName(at), at))
                .compose(this::dumpInBackground)
                .recover(e -> {
                    if (e instanceof Problem p && p.code() == ErrorCode.BACKUP_RUNNING) {
                        LOG.info("Nightly backup for {} skipped: another node or run has it", night);
                    } else {
                        LOG.error("Nightly backup could not start: {}", e.toString());
                    }
                    return Future.succeededFuture();
                });
    }

    /** Writes the backup on a worker thread and records how it ended; completes when the run is recorded. */
    private Future<Void> dumpInBackground(BackupRuns.Started run) {
        return vertx.executeBlocking(() -> {
                    long bytes = backup.write(config.directory().resolve(run.fileName()), run.at());
                    try {
                        BackupFiles.prune(config.directory(), config.keep(), clock.instant());
                    } catch (java.io.IOException e) {
                        LOG.warn("Old backups in {} could not be deleted: {}", config.directory(), e.toString());
                    }
                    return bytes;
                }, false)
                .compose(bytes -> {
                    LOG.info("Backup {} written ({} bytes)", run.fileName(), bytes);
                    return runs.succeeded(run.id(), bytes, clock.instant());
                }, e -> {
                    LOG.error("Backup {} failed: {}", run.fileName(), e.getMessage());
                    return runs.failed(run.id(), run.fileName(), e.getMessage(), clock.instant());
                })
                .onFailure(e -> LOG.error("Backup {}'s outcome could not be recorded: {}", run.fileName(), e.toString()));
    }

    private String fileName(Instant at) {
        return BackupFiles.name(at, config.zone());
    }

    private void list(RoutingContext rc) {
        Responses.json(rc, FacilityContext.of(rc).compose(facility -> runs.recent(SHOWN_RUNS, facility.zone())
                .map(recent -> new JsonObject()
                        .put("runs", new JsonArray(recent))
                        .put("nextRun", nextRun == null || config.time() == null ? null : facility.local(nextRun).toString())
                        .put("schedule", config.time() == null ? null : new JsonObject()
                                .put("time", config.time().toString()).put("zone", config.zone().getId()))
                        .put("keep", config.keep()))));
    }

    private void takeNow(RoutingContext rc) {
        Principal principal = AccessGuard.principal(rc);
        Instant at = clock.instant();
        Responses.json(rc, 202, FacilityContext.of(rc).compose(facility -> pool.withTransaction(tx ->
                runs.begin(tx, "MANUAL", null, principal.name(), fileName(at), at).compose(run ->
                        AuditLog.change(tx, facility.id(), principal.actor(), "BACKUP_REQUESTED", null,
                                new JsonObject().put("run", run.id()).put("file", run.fileName()), at).map(run)))
                .map(run -> {
                    dumpInBackground(run);
                    return new JsonObject().put("id", run.id()).put("trigger", "MANUAL")
                            .put("requestedBy", principal.name())
                            .put("startedAt", facility.local(run.at()).toString())
                            .put("file", run.fileName()).put("outcome", "RUNNING");
                })));
    }

    @Override
    public void mount(RouterBuilder contract) {
        contract.getRoute("listBackups").addHandler(this::list);
        contract.getRoute("takeBackup").addHandler(this::takeNow);
    }
}
