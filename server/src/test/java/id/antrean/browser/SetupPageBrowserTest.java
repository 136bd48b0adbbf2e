package id.antrean.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The first setup in a real browser: on a server without the demo, {@code /console/setup} takes the setup code and
 * the first operator, logs that operator in and creates the first facility.
 */
class SetupPageBrowserTest {
    private static final String PASSWORD = "Sulawesi-Selatan-2026";

    @Test
    void aNewInstallationIsSetUpFromTheSetupPage() throws Exception {
        try (TestServer server = TestServer.startEmpty(MutableClock.at("2026-12-07T01:00:00Z"), Map.of());
             Browser browser = Browser.desk()) {
            WebDriver d = browser.driver();
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(15));
            d.get("http://localhost:" + server.port() + "/console/setup");

            // A wrong code first: the server's message, in Bahasa Indonesia, and nothing created.
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("setup-code"))).sendKeys("SALAH-KODE-1");
            d.findElement(By.id("op-username")).sendKeys("dinkes");
            d.findElement(By.id("op-name")).sendKeys("Dinas Kesehatan Kota Makassar");
            d.findElement(By.id("op-password")).sendKeys(PASSWORD);
            d.findElement(By.id("operator-submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("operator-error")));
            assertThat(d.findElement(By.id("operator-error")).getText()).contains("Kode penyiapan salah");
            assertThat(server.count("SELECT count(*) FROM operator")).isZero();

            d.findElement(By.id("setup-code")).clear();
            d.findElement(By.id("setup-code")).sendKeys(server.setupCode());
            d.findElement(By.id("operator-submit")).click();

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-password"))).sendKeys(PASSWORD);
            assertThat(d.findElement(By.id("login-username")).getAttribute("value")).isEqualTo("dinkes");
            d.findElement(By.id("login-submit")).click();

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fac-code"))).sendKeys("pkm-tamalanrea");
            d.findElement(By.id("fac-name")).sendKeys("Puskesmas Tamalanrea");
            new Select(d.findElement(By.id("fac-zone"))).selectByValue("Asia/Makassar");
            d.findElement(By.id("facility-submit")).click();

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done-text")));
            assertThat(d.findElement(By.id("done-text")).getText()).contains("Puskesmas Tamalanrea", "pkm-tamalanrea");
            browser.screenshot("setup-done");
            d.findElement(By.id("another-facility")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fac-code")));
            assertThat(d.findElement(By.id("fac-code")).getAttribute("value")).isEmpty();
            assertThat(server.count("SELECT count(*) FROM operator WHERE username = 'dinkes'")).isEqualTo(1);
            assertThat(server.count("SELECT count(*) FROM facility WHERE code = 'pkm-tamalanrea'"
                    + " AND time_zone = 'Asia/Makassar'")).isEqualTo(1);

            // Opened again, the page knows the setup is done and starts at the operator's login.
            d.get("http://localhost:" + server.port() + "/console/setup");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-username")));
            assertThat(d.findElement(By.id("setup-notice")).getText()).contains("sudah selesai");
        }
    }
}
