package id.antrean.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention keeps exactly the newest BACKUP_KEEP backups and never touches anything else in the folder. */
class BackupFilesTest {
    @TempDir
    Path dir;

    @Test
    void pruningKeepsExactlyTheNewestKeepBackupsAndLeavesOtherFilesAlone() throws Exception {
        Instant first = Instant.parse("2026-11-20T19:00:00Z");
        for (int day = 0; day < 16; day++) {
            Files.writeString(dir.resolve(BackupFiles.name(first.plusSeconds(86_400L * day), ZoneId.of("Asia/Jakarta"))), "x");
        }
        Files.writeString(dir.resolve("antrean-20200101-000000.dump.txt"), "someone's notes");
        Files.writeString(dir.resolve("copy-of-antrean.dump"), "a copy made by hand");

        Instant now = Instant.parse("2026-12-07T19:00:00Z");
        Path crashed = Files.writeString(dir.resolve(".antrean-20261201-020000.dump.partial"), "half");
        Files.setLastModifiedTime(crashed, java.nio.file.attribute.FileTime.from(now.minusSeconds(2 * 86_400)));
        Path writing = Files.writeString(dir.resolve(".antrean-20261207-020000.dump.partial"), "being written");
        Files.setLastModifiedTime(writing, java.nio.file.attribute.FileTime.from(now.minusSeconds(60)));

        assertThat(BackupFiles.prune(dir, 14, now)).containsExactlyInAnyOrder("antrean-20261122-020000.dump",
                "antrean-20261121-020000.dump", ".antrean-20261201-020000.dump.partial");
        assertThat(writing).as("a backup being written now is not touched").exists();
        Files.delete(writing);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).hasSize(16)
                    .contains("antrean-20261123-020000.dump", "antrean-20261206-020000.dump",
                            "antrean-20200101-000000.dump.txt", "copy-of-antrean.dump")
                    .doesNotContain("antrean-20261121-020000.dump", "antrean-20261122-020000.dump");
        }
        assertThat(BackupFiles.prune(dir, 14, now)).as("nothing more to delete").isEmpty();
    }

    @Test
    void fileNamesAreInTheBackupZonesLocalTime() {
        assertThat(BackupFiles.name(Instant.parse("2026-12-06T19:00:00Z"), ZoneId.of("Asia/Jakarta")))
                .isEqualTo("antrean-20261207-020000.dump");
    }
}
