package id.antrean.backup;

import id.antrean.protocol.Env;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * Where, when and how backups are taken, from the environment.
 *
 * @param directory {@code BACKUP_DIR}, default {@code DATA_DIR/backups}
 * @param keep      {@code BACKUP_KEEP}, default 14: backup files kept, the newest
 * @param time      {@code BACKUP_TIME}, default {@code 02:00}; null when {@code off}
 * @param zone      {@code BACKUP_ZONE}, default {@code Asia/Jakarta}: the zone of {@code BACKUP_TIME} and file names
 * @param timeout   {@code BACKUP_TIMEOUT_MINUTES}, default 60: a statement of a backup taking longer is stopped
 *                  and the backup counts as failed
 */
public record BackupConfig(Path directory, int keep, LocalTime time, ZoneId zone, Duration timeout) {

    public static BackupConfig fromEnv(Map<String, String> env, Path dataDir) {
        String dir = Env.text(env, "BACKUP_DIR");
        return new BackupConfig(
                dir == null ? dataDir.resolve("backups") : Path.of(dir),
                Env.integer(env, "BACKUP_KEEP", 14, 1, 1000),
                time(Env.text(env, "BACKUP_TIME", "02:00")),
                zone(Env.text(env, "BACKUP_ZONE", "Asia/Jakarta")),
                Duration.ofMinutes(Env.integer(env, "BACKUP_TIMEOUT_MINUTES", 60, 1, 24 * 60)));
    }

    private static LocalTime time(String text) {
        if (text.equalsIgnoreCase("off")) {
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("BACKUP_TIME must be a time like 02:00, or off (was " + text + ")");
        }
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("BACKUP_ZONE must be a time zone like Asia/Jakarta (was " + text + ")");
        }
    }

    /** The nightly schedule; empty when {@code BACKUP_TIME=off}. */
    public java.util.Optional<BackupSchedule> schedule() {
        return time == null ? java.util.Optional.empty() : java.util.Optional.of(new BackupSchedule(time, zone));
    }
}
