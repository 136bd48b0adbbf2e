package id.antrean.profile;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.Arrays;
import java.util.List;

/**
 * What a facility shows of itself: on the letterhead, the ticket and the kiosk. The code and time zone are fixed at
 * creation (a facility's days and numbers hang on them); the BPJS provider code is shown here, set with BPJS's
 * settings.
 *
 * @param priorityOrder   how call-next orders priority tickets: {@code first} or {@code interleave:N}
 * @param spokenGuidance  whether the kiosk speaks each step (recorded Indonesian clips)
 * @param announceTwice   whether the waiting-room display says each call twice
 * @param head            who signs the facility's reports; its parts are null until the admin sets them
 * @param logoContentType null when the facility has no logo; its bytes are served apart ({@code …/profile/logo})
 */
record FacilityProfile(long id, String code, String name, String timeZone, String bpjsProviderCode, String address,
                       String phone, String ticketFooter, int kioskIdleSeconds, List<String> languages,
                       String logoContentType, int logoBytes, String priorityOrder, boolean spokenGuidance,
                       boolean announceTwice, Head head, int version) {

    /** The head of the facility as the reports' signature block names them ("Kepala Puskesmas", name, NIP). */
    record Head(String title, String name, String nip) {
        JsonObject toJson() {
            return new JsonObject().put("headTitle", title).put("headName", name).put("headNip", nip);
        }
    }

    static final String COLUMNS = """
            facility_id, code, name, time_zone, bpjs_provider_code, address, phone, ticket_footer, kiosk_idle_seconds,
            languages, logo_content_type, coalesce(octet_length(logo), 0) AS logo_bytes, priority_order,
            kiosk_spoken_guidance, display_announce_twice, head_title, head_name, head_nip, version""";

    static FacilityProfile from(Row row) {
        return new FacilityProfile(row.getLong("facility_id"), row.getString("code"), row.getString("name"),
                row.getString("time_zone"), row.getString("bpjs_provider_code"), row.getString("address"),
                row.getString("phone"), row.getString("ticket_footer"), row.getInteger("kiosk_idle_seconds"),
                Arrays.asList(row.getArrayOfStrings("languages")), row.getString("logo_content_type"),
                row.getInteger("logo_bytes"), row.getString("priority_order"), row.getBoolean("kiosk_spoken_guidance"),
                row.getBoolean("display_announce_twice"),
                new Head(row.getString("head_title"), row.getString("head_name"), row.getString("head_nip")),
                row.getInteger("version"));
    }

    /** As the API shows it. */
    JsonObject toJson() {
        return audited().put("logo", logoContentType == null ? null : new JsonObject()
                .put("contentType", logoContentType)
                .put("bytes", logoBytes)
                .put("url", "/api/v1/facilities/" + code + "/profile/logo?v=" + version));
    }

    /** As the audit log keeps it: the logo by its type and size, never its bytes. */
    JsonObject audited() {
        return new JsonObject()
                .put("code", code)
                .put("name", name)
                .put("timeZone", timeZone)
                .put("bpjsProviderCode", bpjsProviderCode)
                .put("address", address)
                .put("phone", phone)
                .put("ticketFooter", ticketFooter)
                .put("kioskIdleSeconds", kioskIdleSeconds)
                .put("languages", new JsonArray(languages))
                .put("priorityOrder", priorityOrder)
                .put("spokenGuidance", spokenGuidance)
                .put("announceTwice", announceTwice)
                .mergeIn(head.toJson())
                .put("logo", logoContentType == null ? null
                        : new JsonObject().put("contentType", logoContentType).put("bytes", logoBytes))
                .put("version", version);
    }
}
