package id.antrean.backup;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Every day at {@code time} in {@code zone} (BACKUP_ZONE, never the server's own zone). */
public record BackupSchedule(LocalTime time, ZoneId zone) {

    /** The first run strictly after {@code now}. */
    public Instant next(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        // atZone resolves a time that a DST gap skips to the moment after the gap, so a run is never lost.
        ZonedDateTime today = local.toLocalDate().atTime(time).atZone(zone);
        return (today.toInstant().isAfter(now) ? today : local.toLocalDate().plusDays(1).atTime(time).atZone(zone))
                .toInstant();
    }
}
