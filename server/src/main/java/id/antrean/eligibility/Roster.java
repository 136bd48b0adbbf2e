package id.antrean.eligibility;

import id.antrean.auth.Actor;
import id.antrean.auth.AuditLog;
import id.antrean.facility.Facility;
import id.antrean.web.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facility's own list of participants registered with it (imported from BPJS's P-Care export or the
 * like). It answers when BPJS cannot. Imports merge: a card already listed is updated, never duplicated.
 */
public final class Roster {
    static final String BY_CARD = """
            SELECT card_number, name_initial, class_name, segment FROM roster_participant
            WHERE facility_id = $1 AND card_number = $2""";
    static final String BY_NIK = """
            SELECT card_number, name_initial, class_name, segment FROM roster_participant
            WHERE facility_id = $1 AND nik = $2""";
    static final String CARDS_OF_NIKS = """
            SELECT card_number, nik FROM roster_participant WHERE facility_id = $1 AND nik = ANY($2)""";
    static final String UPSERT = """
            INSERT INTO roster_participant (facility_id, card_number, nik, name_initial, class_name, segment, imported_at)
            SELECT $1, r.card_number, r.nik, r.name_initial, r.class_name, r.segment, $7
            FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
                 AS r(card_number, nik, name_initial, class_name, segment)
            ON CONFLICT (facility_id, card_number) DO UPDATE
                SET nik = EXCLUDED.nik, name_initial = EXCLUDED.name_initial, class_name = EXCLUDED.class_name,
                    segment = EXCLUDED.segment, imported_at = EXCLUDED.imported_at
            RETURNING (xmax = 0) AS added""";

    /** Refused rows listed in a report (all are counted). */
    static final int REJECTIONS_LISTED = 100;
    /** Rows written per statement. */
    static final int BATCH_ROWS = 5_000;
    /** Rows read per step on the worker thread, good or bad, so a file of bad rows is read in steps too. */
    static final int BATCH_RECORDS = 50_000;

    private final Vertx vertx;
    private final Pool pool;
    private final Clock clock;

    public Roster(Vertx vertx, Pool pool, Clock clock) {
        this.vertx = vertx;
        this.pool = pool;
        this.clock = clock;
    }

    /** The participant as the roster knows them: registered here; nothing about their BPJS status. */
    public Future<Optional<Participant>> find(Facility facility, Identity identity) {
        String sql = identity instanceof Identity.Card ? BY_CARD : BY_NIK;
        return pool.preparedQuery(sql).execute(Tuple.of(facility.id(), identity.value())).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new Participant(row.getString("card_number"), row.getString("name_initial"), true,
                    null, null, null, facility.bpjsProviderCode(), facility.name(), null,
                    row.getString("class_name"), row.getString("segment"), false));
        });
    }

    /**
     * Imports a CSV file, read as a stream on a worker thread and written a batch at a time in one transaction;
     * answers with what was added, updated and refused (by line: the first {@value #REJECTIONS_LISTED}).
     */
    public Future<JsonObject> importCsv(Facility facility, Path csv, Actor actor) {
        RosterImportReport report = new RosterImportReport(REJECTIONS_LISTED);
        return vertx.executeBlocking(() -> RosterCsv.open(csv), false)
                .compose(reader -> pool.withTransaction(tx -> importBatches(tx, facility, reader, report))
                        .eventually(() -> vertx.executeBlocking(() -> {
                            reader.close();
                            return null;
                        }, false)))
                .map(v -> report.toJson())
                .compose(json -> AuditLog.append(pool, facility.id(), actor, "ROSTER_IMPORTED", null,
                        json.copy().put("rejected", report.rejectedCount()), clock.instant()).map(json));
    }

    private Future<Void> importBatches(SqlConnection tx, Facility facility, RosterCsv reader, RosterImportReport report) {
        // Not ordered: another request's blocking work on this event loop need not wait for the whole import.
        return vertx.executeBlocking(() -> reader.next(BATCH_ROWS, BATCH_RECORDS), false).compose(batch -> {
            report.read(batch);
            return write(tx, facility, batch.rows(), report)
                    .compose(v -> batch.last() ? Future.succeededFuture() : importBatches(tx, facility, reader, report));
        });
    }

    private Future<Void> write(SqlConnection tx, Facility facility, List<RosterCsv.Row> batch, RosterImportReport report) {
        if (batch.isEmpty()) {
            return Future.succeededFuture();
        }
        String[] niks = batch.stream().map(RosterCsv.Row::nik).filter(n -> n != null).toArray(String[]::new);
        return tx.preparedQuery(CARDS_OF_NIKS)
                .execute(Tuple.tuple().addLong(facility.id()).addArrayOfString(niks))
                .compose(existing -> {
                    // A NIK already listed under another card would break the roster's one-NIK-one-card rule.
                    Map<String, String> cardOfNik = new HashMap<>();
                    existing.forEach(r -> cardOfNik.put(r.getString("nik"), r.getString("card_number")));
                    List<RosterCsv.Row> rows = new ArrayList<>(batch.size());
                    for (RosterCsv.Row row : batch) {
                        String owner = row.nik() == null ? null : cardOfNik.get(row.nik());
                        if (owner != null && !owner.equals(row.cardNumber())) {
                            report.reject(new RosterCsv.Rejection(row.line(), ErrorCode.ROSTER_NIK_OF_OTHER_CARD));
                        } else {
                            rows.add(row);
                        }
                    }
                    if (rows.isEmpty()) {
                        return Future.<Void>succeededFuture();
                    }
                    return tx.preparedQuery(UPSERT).execute(Tuple.of(facility.id(),
                                    column(rows, RosterCsv.Row::cardNumber), column(rows, RosterCsv.Row::nik),
                                    column(rows, RosterCsv.Row::initial), column(rows, RosterCsv.Row::className),
                                    column(rows, RosterCsv.Row::segment))
                                    .addOffsetDateTime(clock.instant().atOffset(ZoneOffset.UTC)))
                            .map(result -> {
                                long added = 0;
                                for (Row r : result) {
                                    if (r.getBoolean("added")) {
                                        added++;
                                    }
                                }
                                report.written(rows.size(), added);
                                return null;
                            });
                });
    }

    private static String[] column(List<RosterCsv.Row> rows, java.util.function.Function<RosterCsv.Row, String> f) {
        return rows.stream().map(f).toArray(String[]::new);
    }
}
