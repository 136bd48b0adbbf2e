package id.antrean.eligibility;

import id.antrean.auth.Actor;
import id.antrean.auth.AuditLog;
import id.antrean.facility.Facility;
import id.antrean.web.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
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

    private final Pool pool;
    private final Clock clock;

    public Roster(Pool pool, Clock clock) {
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

    /** Imports a CSV file; answers with what was added, updated and refused (by line). */
    public Future<JsonObject> importCsv(Facility facility, String csv, Actor actor) {
        RosterCsv.Parsed parsed = RosterCsv.parse(csv);
        List<RosterCsv.Row> rows = new ArrayList<>(parsed.rows());
        List<RosterCsv.Rejection> rejections = new ArrayList<>(parsed.rejections());
        String[] niks = rows.stream().map(RosterCsv.Row::nik).filter(n -> n != null).toArray(String[]::new);
        return pool.withTransaction(tx -> tx.preparedQuery(CARDS_OF_NIKS)
                .execute(Tuple.tuple().addLong(facility.id()).addArrayOfString(niks))
                .compose(existing -> {
                    // A NIK already listed under another card would break the roster's one-NIK-one-card rule.
                    Map<String, String> cardOfNik = new HashMap<>();
                    existing.forEach(r -> cardOfNik.put(r.getString("nik"), r.getString("card_number")));
                    rows.removeIf(row -> {
                        String owner = row.nik() == null ? null : cardOfNik.get(row.nik());
                        if (owner != null && !owner.equals(row.cardNumber())) {
                            rejections.add(new RosterCsv.Rejection(row.line(), ErrorCode.ROSTER_NIK_OF_OTHER_CARD));
                            return true;
                        }
                        return false;
                    });
                    if (rows.isEmpty()) {
                        return Future.succeededFuture(List.<Boolean>of());
                    }
                    return tx.preparedQuery(UPSERT).execute(Tuple.of(facility.id(),
                                    column(rows, RosterCsv.Row::cardNumber), column(rows, RosterCsv.Row::nik),
                                    column(rows, RosterCsv.Row::initial), column(rows, RosterCsv.Row::className),
                                    column(rows, RosterCsv.Row::segment))
                                    .addOffsetDateTime(clock.instant().atOffset(ZoneOffset.UTC)))
                            .map(result -> {
                                List<Boolean> added = new ArrayList<>();
                                result.forEach(r -> added.add(r.getBoolean("added")));
                                return added;
                            });
                }))
                .map(added -> report(parsed, rows.size(), added, rejections))
                .compose(report -> AuditLog.append(pool, facility.id(), actor, "ROSTER_IMPORTED", null,
                        report.copy().put("rejected", report.getJsonArray("rejected").size()), clock.instant())
                        .map(report));
    }

    private static JsonObject report(RosterCsv.Parsed parsed, int accepted, List<Boolean> added,
                                     List<RosterCsv.Rejection> rejections) {
        long addedCount = added.stream().filter(Boolean::booleanValue).count();
        JsonArray refused = new JsonArray();
        rejections.stream().sorted(java.util.Comparator.comparingInt(RosterCsv.Rejection::line)).forEach(r ->
                refused.add(new JsonObject().put("line", r.line()).put("code", r.code().name())
                        .put("message", r.code().text().toJson())));
        return new JsonObject()
                .put("rows", parsed.rows().size() + parsed.rejections().size())
                .put("accepted", accepted)
                .put("added", addedCount)
                .put("updated", added.size() - addedCount)
                .put("rejected", refused);
    }

    private static String[] column(List<RosterCsv.Row> rows, java.util.function.Function<RosterCsv.Row, String> f) {
        return rows.stream().map(f).toArray(String[]::new);
    }
}
