package id.antrean.catalog;

import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import id.antrean.web.TypedName;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A service's practice week as an admin sends it ({@code PUT …/services/{service}/schedule}): hours per ISO weekday
 * (1 = Monday) with the doctor as BPJS knows them, and the daily and Mobile JKN quotas. Mobile JKN reads the same
 * rows ({@code booking.Polis}), so what is saved here is what it offers.
 */
record WeekSchedule(List<Day> days, Integer dailyQuota, Integer jknQuota) {

    record Day(int weekday, LocalTime opensAt, LocalTime closesAt, Integer doctorCode, String doctorName) {
        JsonObject toJson() {
            return new JsonObject().put("weekday", weekday).put("opensAt", hhmm(opensAt))
                    .put("closesAt", hhmm(closesAt)).put("doctorCode", doctorCode).put("doctorName", doctorName);
        }
    }

    /** The contract has checked the shape; here the rules across fields. */
    static WeekSchedule from(JsonObject body) {
        List<Day> days = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        JsonArray given = body.getJsonArray("days", new JsonArray());
        for (int i = 0; i < given.size(); i++) {
            JsonObject day = given.getJsonObject(i);
            int weekday = day.getInteger("weekday");
            if (!seen.add(weekday)) {
                throw Problem.ofField(ErrorCode.SCHEDULE_DAY_TWICE, "days." + i + ".weekday", String.valueOf(weekday));
            }
            LocalTime opens = time(day.getString("opensAt"), "days." + i + ".opensAt");
            LocalTime closes = time(day.getString("closesAt"), "days." + i + ".closesAt");
            if (!closes.isAfter(opens)) {
                throw Problem.ofField(ErrorCode.SCHEDULE_CLOSES_BEFORE_OPENS, "days." + i + ".closesAt",
                        String.valueOf(weekday));
            }
            String doctor = day.getString("doctorName");
            days.add(new Day(weekday, opens, closes, day.getInteger("doctorCode"),
                    doctor == null ? null : TypedName.require(doctor, "days." + i + ".doctorName")));
        }
        Integer daily = body.getInteger("dailyQuota");
        Integer jkn = body.getInteger("jknQuota");
        if (daily != null && jkn != null && jkn > daily) {
            throw Problem.ofField(ErrorCode.JKN_QUOTA_ABOVE_DAILY, "jknQuota");
        }
        days.sort((a, b) -> Integer.compare(a.weekday(), b.weekday()));
        return new WeekSchedule(List.copyOf(days), daily, jkn);
    }

    private static LocalTime time(String value, String field) {
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw Problem.ofField(ErrorCode.INVALID_FIELD, field, field);
        }
    }

    static String hhmm(LocalTime time) {
        return time == null ? null : String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}
