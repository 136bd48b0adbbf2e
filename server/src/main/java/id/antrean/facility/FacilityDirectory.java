package id.antrean.facility;

import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads facilities, their services and their counters. */
public final class FacilityDirectory {
    static final String ALL_FACILITIES = """
            SELECT facility_id, code, name, time_zone, bpjs_provider_code, booking_window_days FROM facility ORDER BY code""";
    static final String CODE_BY_ID = "SELECT code FROM facility WHERE facility_id = $1";
    static final String FACILITY_BY_CODE = """
            SELECT facility_id, code, name, time_zone, bpjs_provider_code, booking_window_days FROM facility WHERE code = $1""";
    // A retired service is gone for everyone but history and reports: not listed, no new tickets.
    static final String SERVICES = """
            SELECT service_id, code, name, name_en, prefix, is_open, bpjs_code, kiosk_visible, dental FROM service
            WHERE facility_id = $1 AND retired_at IS NULL ORDER BY sort_order, code""";
    static final String SERVICE_BY_CODE = """
            SELECT service_id, code, name, name_en, prefix, is_open, bpjs_code, kiosk_visible, dental FROM service
            WHERE facility_id = $1 AND code = $2 AND retired_at IS NULL""";
    static final String COUNTERS = countersFrom("SELECT * FROM counter WHERE facility_id = $1 AND retired_at IS NULL");

    /** Counters with the services they serve; {@code rows} selects the counter rows wanted. */
    public static String countersFrom(String rows) {
        return """
                SELECT c.counter_id, c.code, c.name, c.spoken_name,
                       array_remove(array_agg(s.service_id ORDER BY s.sort_order, s.code), NULL) AS service_ids,
                       array_remove(array_agg(s.code ORDER BY s.sort_order, s.code), NULL) AS service_codes
                FROM (%s) c
                LEFT JOIN counter_service cs ON cs.facility_id = c.facility_id AND cs.counter_id = c.counter_id
                LEFT JOIN service s ON s.facility_id = cs.facility_id AND s.service_id = cs.service_id
                                   AND s.retired_at IS NULL
                GROUP BY c.facility_id, c.counter_id, c.code, c.name, c.spoken_name, c.sort_order
                ORDER BY c.sort_order, c.code""".formatted(rows);
    }

    /** What a facility code can be: the {@code facility.code} check of the schema. */
    static final Pattern FACILITY_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    private final SqlClient db;

    public FacilityDirectory(SqlClient db) {
        this.db = db;
    }

    public Future<List<Facility>> facilities() {
        return db.query(ALL_FACILITIES).execute()
                .map(rows -> map(rows, FacilityDirectory::facility));
    }

    /** The code of the facility with this id (e.g. to tag a meter); null when there is none. */
    public Future<String> code(long facilityId) {
        return db.preparedQuery(CODE_BY_ID).execute(Tuple.of(facilityId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("code"));
    }

    public Future<Facility> facility(String code) {
        String normalized = normalizeFacilityCode(code);
        if (!FACILITY_CODE.matcher(normalized).matches()) {
            // No facility can have it (the table's own check), and some never reach a query: a NUL, say.
            return Future.failedFuture(Problem.of(ErrorCode.FACILITY_NOT_FOUND, code));
        }
        return db.preparedQuery(FACILITY_BY_CODE).execute(Tuple.of(normalized))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Problem.of(ErrorCode.FACILITY_NOT_FOUND, code);
                    }
                    return facility(rows.iterator().next());
                });
    }

    public Future<List<Service>> services(Facility facility) {
        return services(db, facility);
    }

    /** The services of a facility, read on the given connection (e.g. inside a transaction). */
    public static Future<List<Service>> services(SqlClient on, Facility facility) {
        return on.preparedQuery(SERVICES).execute(Tuple.of(facility.id()))
                .map(rows -> map(rows, FacilityDirectory::service));
    }

    public Future<Service> service(Facility facility, String code) {
        return service(db, facility, code);
    }

    /** A service, read on the given connection (e.g. inside a transaction). */
    public static Future<Service> service(SqlClient on, Facility facility, String code) {
        return on.preparedQuery(SERVICE_BY_CODE).execute(Tuple.of(facility.id(), normalizeCode(code)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Problem.ofField(ErrorCode.SERVICE_NOT_FOUND, "service", code);
                    }
                    return service(rows.iterator().next());
                });
    }

    public Future<List<Counter>> counters(Facility facility) {
        return db.preparedQuery(COUNTERS).execute(Tuple.of(facility.id()))
                .map(rows -> map(rows, FacilityDirectory::counter));
    }

    /** Codes of services and counters are upper case; people type them in any case. */
    public static String normalizeCode(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    static String normalizeFacilityCode(String code) {
        return code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
    }

    /** A facility from a row with the columns of {@link #ALL_FACILITIES}. */
    public static Facility facility(Row row) {
        return new Facility(row.getLong("facility_id"), row.getString("code"), row.getString("name"),
                ZoneId.of(row.getString("time_zone")), row.getString("bpjs_provider_code"),
                row.getInteger("booking_window_days"));
    }

    /**
     * A service from a row with at least its id, code, name, prefix and is_open (and its BPJS code, kiosk flag and
     * English name if read).
     */
    public static Service service(Row row) {
        boolean kioskVisible = row.getColumnIndex("kiosk_visible") < 0 || row.getBoolean("kiosk_visible");
        String bpjsCode = row.getColumnIndex("bpjs_code") < 0 ? null : row.getString("bpjs_code");
        String nameEn = row.getColumnIndex("name_en") < 0 ? null : row.getString("name_en");
        boolean dental = row.getColumnIndex("dental") >= 0 && row.getBoolean("dental");
        return new Service(row.getLong("service_id"), row.getString("code"), row.getString("name"),
                row.getString("prefix"), row.getBoolean("is_open"), bpjsCode, kioskVisible, nameEn, dental);
    }

    public static Counter counter(Row row) {
        return new Counter(row.getLong("counter_id"), row.getString("code"), row.getString("name"),
                row.getString("spoken_name"),
                Arrays.asList(row.getArrayOfLongs("service_ids")),
                Arrays.asList(row.getArrayOfStrings("service_codes")));
    }

    private static <T> List<T> map(Iterable<Row> rows, java.util.function.Function<Row, T> mapper) {
        List<T> out = new ArrayList<>();
        for (Row row : rows) {
            out.add(mapper.apply(row));
        }
        return out;
    }
}
