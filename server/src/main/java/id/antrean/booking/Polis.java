package id.antrean.booking;

import id.antrean.facility.Facility;
import id.antrean.facility.FacilityDirectory;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.Optional;

/** A facility's polis as BPJS knows them (by their poli code), with their quotas and their hours per weekday. */
public final class Polis {
    static final String POLI_BY_CODE = """
            SELECT service_id, code, name, prefix, is_open, bpjs_code, daily_quota, jkn_quota, dental
            FROM service WHERE facility_id = $1 AND bpjs_code = $2 AND retired_at IS NULL""";
    static final String SCHEDULE = """
            SELECT opens_at, closes_at, doctor_code, doctor_name FROM service_schedule
            WHERE facility_id = $1 AND service_id = $2 AND weekday = $3""";
    static final String DOCTOR_PRACTISES_HERE = """
            SELECT 1 FROM service_schedule WHERE facility_id = $1 AND doctor_code = $2 LIMIT 1""";

    private final Pool pool;

    public Polis(Pool pool) {
        this.pool = pool;
    }

    /** The poli of a BPJS poli code; refused with {@link Refusal#POLI_NOT_FOUND} when the facility has none. */
    public Future<Poli> poli(Facility facility, String bpjsCode) {
        if (bpjsCode == null || bpjsCode.isBlank()) {
            return Future.failedFuture(new BookingRefused(Refusal.POLI_NOT_FOUND));
        }
        return pool.preparedQuery(POLI_BY_CODE).execute(Tuple.of(facility.id(), bpjsCode.strip())).map(rows -> {
            if (rows.size() == 0) {
                throw new BookingRefused(Refusal.POLI_NOT_FOUND);
            }
            Row row = rows.iterator().next();
            return new Poli(FacilityDirectory.service(row), row.getString("bpjs_code"), row.getInteger("daily_quota"),
                    row.getInteger("jkn_quota"));
        });
    }

    /** Whether a doctor (by BPJS code) practises at any poli of the facility on any day. */
    static Future<Boolean> doctorPractisesHere(SqlClient db, Facility facility, long doctorCode) {
        return db.preparedQuery(DOCTOR_PRACTISES_HERE).execute(Tuple.of(facility.id(), doctorCode))
                .map(rows -> rows.size() > 0);
    }

    /** The poli's hours on that date's weekday; empty when it does not practise then. */
    public static Future<Optional<Schedule>> schedule(SqlClient db, Facility facility, Poli poli, LocalDate date) {
        return db.preparedQuery(SCHEDULE)
                .execute(Tuple.of(facility.id(), poli.service().id(), date.getDayOfWeek().getValue()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new Schedule(row.getLocalTime("opens_at"), row.getLocalTime("closes_at"),
                            row.getInteger("doctor_code"), row.getString("doctor_name")));
                });
    }
}
