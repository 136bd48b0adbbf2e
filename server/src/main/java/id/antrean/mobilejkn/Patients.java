package id.antrean.mobilejkn;

import id.antrean.web.UniqueViolation;
import id.antrean.auth.AuditLog;
import id.antrean.facility.Facility;
import id.antrean.booking.OnlineBookings;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The facility's patients as Mobile JKN registers them ({@code /peserta}): a medical record number
 * ({@code RM-000123}) from the {@code patient_norm} sequence, unique per facility, and never a second record
 * for the same card or NIK.
 */
final class Patients {
    /** A new patient as {@code /peserta} describes them. */
    record NewPatient(String cardNumber, String nik, String familyCard, String name, String sex, LocalDate birthDate,
                      String phone, JsonObject address) {
    }

    static final String ALREADY_REGISTERED = """
            SELECT 1 FROM patient WHERE facility_id = $1 AND (card_number = $2 OR nik = $3) LIMIT 1""";
    /** Six digits like the demo's records, more when the sequence outgrows them (never cut). */
    static final String INSERT = """
            INSERT INTO patient (facility_id, norm, card_number, nik, family_card, name, sex, birth_date, phone, address,
                                 created_at)
            SELECT $1, 'RM-' || CASE WHEN n < 1000000 THEN lpad(n::text, 6, '0') ELSE n::text END,
                   $2, $3, $4, $5, $6, $7, $8, $9, $10
            FROM (SELECT nextval('patient_norm') AS n) seq
            RETURNING norm""";
    /**
     * Records made before the sequence (the demo's RM-000001…, an import) may hold the number it hands out next:
     * move the sequence past every RM-number there is, then try again.
     */
    static final String SKIP_TAKEN_NUMBERS = """
            SELECT setval('patient_norm', greatest(
                (SELECT last_value FROM patient_norm),
                (SELECT coalesce(max(substring(norm FROM '^RM-([0-9]{1,18})$')::bigint), 0) FROM patient)))""";
    private static final int ATTEMPTS = 3;

    private final Pool pool;
    private final Clock clock;

    Patients(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** The new record's number; "already registered" when the card or the NIK has a record here. */
    Future<String> register(Facility facility, NewPatient patient) {
        return pool.preparedQuery(ALREADY_REGISTERED)
                .execute(Tuple.of(facility.id(), patient.cardNumber(), patient.nik()))
                .compose(rows -> {
                    if (rows.size() > 0) {
                        throw ContractRefusal.of(ContractMessages.ALREADY_REGISTERED);
                    }
                    return insert(facility, patient, ATTEMPTS);
                });
    }

    private Future<String> insert(Facility facility, NewPatient patient, int attemptsLeft) {
        Instant now = clock.instant();
        Tuple params = Tuple.tuple()
                .addLong(facility.id()).addString(patient.cardNumber()).addString(patient.nik())
                .addString(patient.familyCard()).addString(patient.name()).addString(patient.sex())
                .addLocalDate(patient.birthDate()).addString(patient.phone()).addValue(patient.address())
                .addOffsetDateTime(now.atOffset(ZoneOffset.UTC));
        return pool.withTransaction(tx -> tx.preparedQuery(INSERT).execute(params).compose(rows -> {
                    String norm = rows.iterator().next().getString("norm");
                    return AuditLog.append(tx, facility.id(), OnlineBookings.MOBILE_JKN, "PATIENT_REGISTERED", null,
                            new JsonObject().put("norm", norm), now).map(norm);
                }))
                .recover(e -> {
                    String constraint = uniqueViolation(e);
                    if ("patient_pkey".equals(constraint) && attemptsLeft > 1) {
                        return pool.query(SKIP_TAKEN_NUMBERS).execute()
                                .compose(v -> insert(facility, patient, attemptsLeft - 1));
                    }
                    if (constraint != null && !"patient_pkey".equals(constraint)) {
                        // The same card or NIK registered at the same moment by another call.
                        return Future.failedFuture(ContractRefusal.of(ContractMessages.ALREADY_REGISTERED));
                    }
                    return Future.failedFuture(e);
                });
    }

    /** The constraint a unique violation names; null for any other failure. */
    private static String uniqueViolation(Throwable e) {
        return UniqueViolation.constraint(e).orElse(null);
    }
}
