package id.antrean.facility;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Indonesia's time zones as people say them: WIB, WITA, WIT. Printed tickets and Mobile JKN's messages use this;
 * the console's common.js keeps the same table (zoneName), so a time reads the same on paper, phone and screen.
 * By zone id, not by offset: another country's +07:00 is not WIB.
 */
public final class ZoneLabel {
    private static final Map<String, String> INDONESIA = Map.of(
            "Asia/Jakarta", "WIB", "Asia/Pontianak", "WIB",
            "Asia/Makassar", "WITA", "Asia/Ujung_Pandang", "WITA",
            "Asia/Jayapura", "WIT");

    private ZoneLabel() {
    }

    /** WIB, WITA or WIT for one of Indonesia's zones; empty elsewhere. */
    public static Optional<String> of(ZoneId zone) {
        return Optional.ofNullable(INDONESIA.get(zone.getId()));
    }
}
