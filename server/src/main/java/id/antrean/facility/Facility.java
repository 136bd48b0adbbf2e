package id.antrean.facility;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A health facility (fasilitas kesehatan: puskesmas, klinik, rumah sakit). Its day is its local day, in
 * its own time zone (WIB Asia/Jakarta, WITA Asia/Makassar, WIT Asia/Jayapura), never the server's.
 *
 * @param bpjsProviderCode  its BPJS provider code (kode PPK): participants registered here carry it; may be null
 * @param bookingWindowDays how many days ahead Mobile JKN may book
 */
public record Facility(long id, String code, String name, ZoneId zone, String bpjsProviderCode,
                       int bookingWindowDays) {

    /** The facility's local date at this instant: the day a ticket belongs to. */
    public LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** An instant as the facility's wall-clock time with its UTC offset. */
    public OffsetDateTime local(Instant instant) {
        return instant.atZone(zone).toOffsetDateTime();
    }

    public JsonObject toJson(Clock clock) {
        return new JsonObject()
                .put("code", code)
                .put("name", name)
                .put("timeZone", zone.getId())
                .put("bpjsProviderCode", bpjsProviderCode)
                .put("today", today(clock).toString());
    }
}
