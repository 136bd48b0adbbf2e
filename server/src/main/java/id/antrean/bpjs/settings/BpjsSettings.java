package id.antrean.bpjs.settings;

import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/**
 * How a facility works with BPJS, beyond its credentials.
 *
 * @param bookingEligibility what a Mobile JKN booking of a participant not eligible here gets: {@code record} (taken,
 *                           its eligibility recorded on the ticket for staff: Mobile JKN has already allowed it) or
 *                           {@code refuse} (refused with the reason)
 * @param reportAllPatients  every visit is reported to BPJS's queue service, non-JKN ones too (BPJS's FKTP
 *                           dashboard counts all patients); off: JKN visits only
 * @param version            the facility row's version: the settings live in that row, as the profile does
 */
public record BpjsSettings(String bookingEligibility, boolean reportAllPatients, long version) {
    public static final String RECORD = "record";
    public static final String REFUSE = "refuse";

    static final String COLUMNS = "booking_eligibility, report_all_patients, version";

    static BpjsSettings from(Row row) {
        return new BpjsSettings(row.getString("booking_eligibility"), row.getBoolean("report_all_patients"),
                row.getLong("version"));
    }

    public boolean refusesIneligibleBookings() {
        return REFUSE.equals(bookingEligibility);
    }

    /** An edit as sent; both fields are required. */
    static BpjsSettings edit(JsonObject body) {
        if (body == null) {
            throw Problem.of(ErrorCode.INVALID_REQUEST);
        }
        Object mode = body.getValue("bookingEligibility");
        if (!RECORD.equals(mode) && !REFUSE.equals(mode)) {
            throw Problem.ofField(ErrorCode.INVALID_FIELD, "bookingEligibility", "bookingEligibility");
        }
        if (!(body.getValue("reportAllPatients") instanceof Boolean all)) {
            throw Problem.ofField(ErrorCode.INVALID_FIELD, "reportAllPatients", "reportAllPatients");
        }
        return new BpjsSettings((String) mode, all, 0);
    }

    /** With the version, as the profile's JSON has it (the console sends it back in If-Match). */
    public JsonObject toJson() {
        return audited().put("version", version);
    }

    /** What the audit log keeps before and after. */
    JsonObject audited() {
        return new JsonObject().put("bookingEligibility", bookingEligibility).put("reportAllPatients", reportAllPatients);
    }
}
