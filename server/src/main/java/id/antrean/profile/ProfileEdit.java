package id.antrean.profile;

import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import id.antrean.web.TypedName;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A whole profile as an admin sends it back ({@code PUT}): every field replaced, absent optional ones cleared —
 * except the logo, which stays as it is unless {@code "logo"} is given ({@code null} removes it), so a form that
 * never loaded the image does not lose it.
 *
 * @param priorityOrder {@code first} or {@code interleave:N}; null (absent) keeps the current one, so a form that
 *                      does not know it leaves it be
 * @param spokenGuidance, announceTwice null (absent) keeps the current setting, like {@code priorityOrder}
 * @param head the signature block; an absent part is cleared, as every other optional text
 * @param logoChanged whether {@code logo} replaces the current one (null then = no logo)
 */
record ProfileEdit(String name, String address, String phone, String ticketFooter, int kioskIdleSeconds,
                   List<String> languages, boolean logoChanged, Logo logo, String priorityOrder,
                   Boolean spokenGuidance, Boolean announceTwice, FacilityProfile.Head head) {

    static ProfileEdit fromJson(JsonObject body) {
        JsonArray languages = body.getJsonArray("languages");
        List<String> codes = languages.stream().map(String::valueOf).toList();
        // Bahasa Indonesia always, and first: the kiosk starts in it and every text exists in it.
        if (codes.isEmpty() || !"id".equals(codes.get(0)) || codes.stream().distinct().count() != codes.size()) {
            throw Problem.ofField(ErrorCode.INVALID_FIELD, "languages", "languages");
        }
        boolean logoChanged = body.containsKey("logo");
        JsonObject logo = body.getJsonObject("logo");
        return new ProfileEdit(TypedName.require(body.getString("name"), "name"),
                NewFacility.optionalText(body, "address"), NewFacility.optionalText(body, "phone"),
                NewFacility.optionalText(body, "ticketFooter"), body.getInteger("kioskIdleSeconds"), codes,
                logoChanged, logo == null ? null : Logo.fromJson(logo), body.getString("priorityOrder"),
                body.getBoolean("spokenGuidance"), body.getBoolean("announceTwice"),
                new FacilityProfile.Head(NewFacility.optionalText(body, "headTitle"),
                        NewFacility.optionalText(body, "headName"), nip(body.getString("headNip"))));
    }

    /** A civil servant's NIP is 18 digits; people type it in groups ("19800101 200501 1 001"). */
    private static String nip(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String digits = typed.replace(" ", "");
        if (!digits.matches("[0-9]{18}")) {
            throw Problem.ofField(ErrorCode.INVALID_FIELD, "headNip", "headNip");
        }
        return digits;
    }
}
