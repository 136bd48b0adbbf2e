package id.antrean.bpjs.outbox;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Writes what BPJS must hear about a ticket into the outbox, on the transaction of the change itself, so
 * the message exists exactly when the change does. A worker delivers it later ({@code OutboxWorker}).
 *
 * <p>Tickets in a service that has a BPJS poli code concern BPJS: every one of them while the facility reports all
 * patients ({@code facility.report_all_patients}, on by default: BPJS's FKTP dashboard counts every visit), else
 * only JKN tickets with a card number. A patient who is not JKN is reported with empty card and NIK fields, as the
 * facilities that already report do. For any other ticket these statements insert nothing. The payloads are BPJS's
 * own ({@code antrean/add}, {@code antrean/panggil}, {@code antrean/batal}), built from the ticket, its service, its
 * schedule and the patient's record.
 */
public final class BpjsOutbox {
    /** status of antrean/panggil: the patient came (1) or did not (2). */
    public static final int PRESENT = 1;
    public static final int ABSENT = 2;

    /** %1$s: the ticket rows (the table, or a CTE of rows a statement has just written). */
    private static final String CONCERNS_BPJS_OF = """
            FROM %1$s t
            JOIN facility f ON f.facility_id = t.facility_id
            JOIN service s ON s.facility_id = t.facility_id AND s.service_id = t.home_service_id
            LEFT JOIN service_schedule sch ON sch.facility_id = t.facility_id AND sch.service_id = t.home_service_id
                 AND sch.weekday = extract(isodow FROM t.service_date)
            LEFT JOIN patient p ON p.facility_id = t.facility_id AND p.card_number = t.card_number AND t.payer = 'JKN'
            CROSS JOIN LATERAL (SELECT t.payer = 'JKN' AND t.card_number IS NOT NULL AS jkn) j
            WHERE (j.jkn OR f.report_all_patients) AND s.bpjs_code IS NOT NULL""";

    private static final String CONCERNS_BPJS = CONCERNS_BPJS_OF.formatted("ticket") + """

              AND t.facility_id = $1 AND t.ticket_id = $2""";

    /** antrean/add of the rows of {@code source}: %1$s the source, %2$s the SQL of the note, %3$s of the time. */
    private static final String ADD_OF = """
            INSERT INTO bpjs_outbox (facility_id, ticket_id, kind, payload, next_attempt_at, created_at)
            SELECT t.facility_id, t.ticket_id, 'ADD', jsonb_build_object(
                       'nomorkartu', CASE WHEN j.jkn THEN t.card_number ELSE '' END,
                       'nik', CASE WHEN j.jkn THEN coalesce(t.nik, p.nik, '') ELSE '' END,
                       'nohp', coalesce(t.booking ->> 'nohp', p.phone, ''),
                       'kodepoli', s.bpjs_code,
                       'namapoli', s.name,
                       'norm', coalesce(p.norm, ''),
                       'tanggalperiksa', to_char(t.service_date, 'YYYY-MM-DD'),
                       'kodedokter', coalesce(sch.doctor_code, 0),
                       'namadokter', coalesce(sch.doctor_name, ''),
                       'jampraktek', coalesce(to_char(sch.opens_at, 'HH24:MI') || '-' || to_char(sch.closes_at, 'HH24:MI'), ''),
                       'nomorantrean', t.label,
                       'angkaantrean', t.number,
                       'keterangan', %2$s::text),
                   %3$s, %3$s
            """ + CONCERNS_BPJS_OF;

    static final String ADD = ADD_OF.formatted("ticket", "$3", "$4") + """

              AND t.facility_id = $1 AND t.ticket_id = $2""";

    static final String PANGGIL = """
            INSERT INTO bpjs_outbox (facility_id, ticket_id, kind, payload, next_attempt_at, created_at)
            SELECT t.facility_id, t.ticket_id, 'PANGGIL', jsonb_build_object(
                       'tanggalperiksa', to_char(t.service_date, 'YYYY-MM-DD'),
                       'kodepoli', s.bpjs_code,
                       'nomorkartu', CASE WHEN j.jkn THEN t.card_number ELSE '' END,
                       'status', $3::integer,
                       'waktu', (extract(epoch FROM $4::timestamptz) * 1000)::bigint),
                   $4, $4
            """ + CONCERNS_BPJS;

    static final String BATAL = """
            INSERT INTO bpjs_outbox (facility_id, ticket_id, kind, payload, next_attempt_at, created_at)
            SELECT t.facility_id, t.ticket_id, 'BATAL', jsonb_build_object(
                       'tanggalperiksa', to_char(t.service_date, 'YYYY-MM-DD'),
                       'kodepoli', s.bpjs_code,
                       'nomorkartu', CASE WHEN j.jkn THEN t.card_number ELSE '' END,
                       'alasan', $3::text),
                   $4, $4
            """ + CONCERNS_BPJS;

    private BpjsOutbox() {
    }

    /**
     * The antrean/add insert for the ticket rows of {@code source}, a CTE of tickets the same statement has just
     * inserted (which its other parts cannot read from the table yet); {@code note} and {@code at} are SQL.
     */
    public static String addedFrom(String source, String note, String at) {
        return ADD_OF.formatted(source, note, at);
    }

    /** A walk-in JKN number, for BPJS's list of the day's queue (antrean/add). */
    public static Future<Void> added(SqlClient tx, long facilityId, long ticketId, String note, Instant at) {
        return tx.preparedQuery(ADD).execute(Tuple.of(facilityId, ticketId, note, at.atOffset(ZoneOffset.UTC))).mapEmpty();
    }

    /** The patient came to the counter ({@link #PRESENT}) or did not ({@link #ABSENT}) (antrean/panggil). */
    public static Future<Void> called(SqlClient tx, long facilityId, long ticketId, int presence, Instant at) {
        return tx.preparedQuery(PANGGIL).execute(Tuple.of(facilityId, ticketId, presence, at.atOffset(ZoneOffset.UTC)))
                .mapEmpty();
    }

    /** The ticket was cancelled here (antrean/batal). */
    public static Future<Void> cancelled(SqlClient tx, long facilityId, long ticketId, String reason, Instant at) {
        return tx.preparedQuery(BATAL).execute(Tuple.of(facilityId, ticketId, reason, at.atOffset(ZoneOffset.UTC)))
                .mapEmpty();
    }
}
