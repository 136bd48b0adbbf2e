package id.antrean.bpjs.settings;

import id.antrean.auth.Actor;
import id.antrean.auth.AuditLog;
import id.antrean.events.SettingsChanged;
import id.antrean.facility.Facility;
import id.antrean.web.Revisions;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;

/**
 * Reads and edits a facility's BPJS settings. They live in the facility row, whose {@code version} the profile
 * already counts: one counter for one row, so an edit of either is never lost to the other (a stale ETag is 412).
 * Each edit is one transaction with its audit entry (before/after) and a {@code SETTINGS_CHANGED} {@code bpjs} event.
 */
public final class BpjsSettingsStore {
    static final String READ = "SELECT " + BpjsSettings.COLUMNS + " FROM facility WHERE facility_id = $1";
    static final String UPDATE = """
            UPDATE facility SET booking_eligibility = $3, report_all_patients = $4, version = version + 1
            WHERE facility_id = $1 AND version = $2
            RETURNING\s""" + BpjsSettings.COLUMNS;

    private final Pool pool;
    private final Clock clock;

    public BpjsSettingsStore(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Future<BpjsSettings> read(Facility facility) {
        return read(pool, facility);
    }

    /** On any connection: the booking reads its facility's mode. */
    public static Future<BpjsSettings> read(SqlClient db, Facility facility) {
        return db.preparedQuery(READ).execute(Tuple.of(facility.id()))
                .map(rows -> BpjsSettings.from(rows.iterator().next()));
    }

    Future<BpjsSettings> update(Facility facility, long expectedVersion, BpjsSettings edit, Actor actor) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> tx.preparedQuery(READ + " FOR UPDATE").execute(Tuple.of(facility.id()))
                .map(rows -> BpjsSettings.from(rows.iterator().next()))
                .compose(before -> tx.preparedQuery(UPDATE).execute(Tuple.of(facility.id(), expectedVersion,
                                edit.bookingEligibility(), edit.reportAllPatients()))
                        .compose(rows -> {
                            if (rows.size() == 0) {
                                return Future.failedFuture(Revisions.conflict());
                            }
                            BpjsSettings after = BpjsSettings.from(rows.iterator().next());
                            return AuditLog.change(tx, facility.id(), actor, "BPJS_SETTINGS_UPDATE", before.audited(),
                                            after.audited(), now)
                                    .compose(v -> SettingsChanged.announce(tx, facility.id(), facility.zone(), "bpjs", now))
                                    .map(after);
                        })));
    }
}
