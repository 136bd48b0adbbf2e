package id.antrean.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.TestPostgres;
import id.antrean.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An admin at the console sees that the backup failed, and the admin page says which one and why. */
class BackupAlertBrowserTest {
    private static final Duration GENEROUS = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    @Test
    void aFailedBackupShowsAStripOnTheAdminsConsoleUntilABackupSucceedsAndIsListedOnTheAdminPage() throws Exception {
        Path folder = temp.resolve("backups");
        Files.writeString(folder, "a file where the backup folder should be");
        Map<String, String> env = TestServer.env(TestPostgres.newDatabaseUrl(), true);
        env.put("BACKUP_DIR", folder.toString());
        env.put("BACKUP_TIME", "02:00");   // shown on the admin page; a night away from any test's minute
        try (TestServer server = TestServer.start(env, Clock.systemUTC()); Browser desk = Browser.desk()) {
            WebDriver d = desk.driver();
            String base = "http://localhost:" + server.port();
            d.get(base + "/console/");
            within(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-username")));
            d.findElement(By.id("login-username")).sendKeys("admin");
            d.findElement(By.id("login-password")).sendKeys(TestServer.PASSWORD);
            d.findElement(By.id("login-submit")).click();
            within(d).until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#counter-select [data-counter='R-UMUM-1']"))).click();
            within(d).until(x -> "live".equals(x.findElement(By.id("live-status")).getDomAttribute("data-status")));
            assertThat(d.findElement(By.id("backup-alert")).isDisplayed()).isFalse();

            String admin = server.login("admin");
            assertThat(server.as(admin).post("/api/v1/facilities/pkm-demo/backups").send().await().statusCode())
                    .isEqualTo(202);

            within(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("backup-alert")));
            assertThat(d.findElement(By.cssSelector("#backup-alert .banner-text")).getText())
                    .contains("GAGAL").contains("BACKUP_DIR");
            desk.screenshot("console-backup-failed");

            d.get(base + "/console/admin.html");
            within(d).until(ExpectedConditions.elementToBeClickable(By.id("tab-btn-backups"))).click();
            within(d).until(ExpectedConditions.textToBePresentInElementLocated(By.id("backups-runs"), "Gagal"));
            assertThat(d.findElement(By.id("backups-schedule")).getText()).contains("02:00").contains("Asia/Jakarta");
            desk.screenshot("admin-backups");

            // Fixed: the next backup succeeds, and the console no longer shows the strip.
            Files.delete(folder);
            d.findElement(By.id("backups-take")).click();
            within(d).until(ExpectedConditions.textToBePresentInElementLocated(By.id("backups-runs"), "Berhasil"));
            d.get(base + "/console/");
            within(d).until(x -> "live".equals(x.findElement(By.id("live-status")).getDomAttribute("data-status")));
            within(d).until(ExpectedConditions.invisibilityOfElementLocated(By.id("backup-alert")));
        }
    }

    private static WebDriverWait within(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, GENEROUS);
        wait.pollingEvery(Duration.ofMillis(50));
        return wait;
    }
}
