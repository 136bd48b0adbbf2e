package id.antrean.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The nightly backup runs at BACKUP_TIME in BACKUP_ZONE, whatever the server's own zone. */
class BackupScheduleTest {
    private final BackupSchedule twoInJakarta = new BackupSchedule(LocalTime.of(2, 0), ZoneId.of("Asia/Jakarta"));

    @Test
    void beforeTheTimeTheRunIsTheSameLocalNight() {
        // 01:30 WIB on 7 December.
        assertThat(twoInJakarta.next(Instant.parse("2026-12-06T18:30:00Z")))
                .isEqualTo(Instant.parse("2026-12-06T19:00:00Z"));
    }

    @Test
    void afterTheTimeTheRunIsTheNextLocalNightEvenWhenUtcIsStillTheDayBefore() {
        // 02:00:01 WIB on 7 December is 19:00:01 UTC on 6 December.
        assertThat(twoInJakarta.next(Instant.parse("2026-12-06T19:00:01Z")))
                .isEqualTo(Instant.parse("2026-12-07T19:00:00Z"));
        // Exactly at the time: that run is being taken; the next is tomorrow.
        assertThat(twoInJakarta.next(Instant.parse("2026-12-06T19:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-07T19:00:00Z"));
    }

    @Test
    void aLateEveningTimeCrossesMidnightInUtcAndLocally() {
        BackupSchedule lateInJayapura = new BackupSchedule(LocalTime.of(23, 30), ZoneId.of("Asia/Jayapura"));
        // 23:45 WIT on 31 December: the next run is 23:30 WIT on 1 January, 14:30 UTC.
        assertThat(lateInJayapura.next(Instant.parse("2026-12-31T14:45:00Z")))
                .isEqualTo(Instant.parse("2027-01-01T14:30:00Z"));
    }

    @Test
    void theConfigurationDefaultsTo0200JakartaKeeping14InDataDirBackupsAndOffDisables() {
        BackupConfig defaults = BackupConfig.fromEnv(Map.of(), Path.of("data"));
        assertThat(defaults.directory()).isEqualTo(Path.of("data", "backups"));
        assertThat(defaults.keep()).isEqualTo(14);
        assertThat(defaults.schedule()).contains(twoInJakarta);
        assertThat(BackupConfig.fromEnv(Map.of("BACKUP_TIME", "off"), Path.of("data")).schedule()).isEmpty();
        assertThatThrownBy(() -> BackupConfig.fromEnv(Map.of("BACKUP_TIME", "2am"), Path.of("data")))
                .hasMessageContaining("BACKUP_TIME");
        assertThatThrownBy(() -> BackupConfig.fromEnv(Map.of("BACKUP_ZONE", "Mars/Base"), Path.of("data")))
                .hasMessageContaining("BACKUP_ZONE");
    }
}
