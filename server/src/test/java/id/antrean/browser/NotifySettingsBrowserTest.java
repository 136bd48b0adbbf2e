package id.antrean.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue #19 on the console: the facility's admin turns messages to patients' phones on and sets the gateway on the
 * settings' "Pesan ke HP" tab, the secret header comes back masked and is kept when saved again; at the desk, the
 * receptionist leaves a patient's number under a fresh walk-in ticket, and it is not shown back.
 */
class NotifySettingsBrowserTest {

    private static void login(WebDriver d, WebDriverWait wait, String base, String user) {
        d.get(base + "/console/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-username"))).sendKeys(user);
        d.findElement(By.id("login-password")).sendKeys(TestServer.PASSWORD);
        d.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("login-username")));
    }

    @Test
    void anAdminSetsTheGatewayWithASecretHeaderThatStaysMaskedAndKept() throws Exception {
        try (TestServer server = TestServer.start(MutableClock.at("2026-12-07T01:00:00Z"));
             Browser browser = Browser.laptop()) {
            WebDriver d = browser.driver();
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));
            String base = "http://localhost:" + server.port();
            login(d, wait, base, "admin");
            d.get(base + "/console/settings.html");

            wait.until(ExpectedConditions.elementToBeClickable(By.id("tab-btn-notify"))).click();
            WebElement enabled = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nt-enabled")));
            wait.until(x -> "3".equals(x.findElement(By.id("nt-threshold")).getDomProperty("value")));
            assertThat(enabled.isSelected()).isFalse();
            assertThat(d.findElement(By.id("tab-btn-notify")).getText()).isEqualTo("Pesan ke HP");

            enabled.click();
            d.findElement(By.id("nt-threshold")).clear();
            d.findElement(By.id("nt-threshold")).sendKeys("2");
            d.findElement(By.id("nt-url")).sendKeys("https://wa.gateway.example/send");
            d.findElement(By.id("nt-headers")).sendKeys("Authorization: token-rahasia-42");
            d.findElement(By.cssSelector("#notify-form button[type=submit]")).click();
            wait.until(x -> server.count("SELECT count(*) FROM notify_settings WHERE enabled AND threshold = 2"
                    + " AND webhook_url = 'https://wa.gateway.example/send' AND header_names = '{Authorization}'") == 1);
            wait.until(x -> "Authorization: ********".equals(x.findElement(By.id("nt-headers")).getDomProperty("value")));
            assertThat(d.findElement(By.tagName("body")).getText()).doesNotContain("token-rahasia-42");
            browser.screenshot("notify-settings-tab");

            // Saved again as shown: the masked value keeps the stored one.
            d.findElement(By.id("nt-threshold")).clear();
            d.findElement(By.id("nt-threshold")).sendKeys("4");
            d.findElement(By.cssSelector("#notify-form button[type=submit]")).click();
            wait.until(x -> server.count("SELECT count(*) FROM notify_settings WHERE threshold = 4 AND version = 2") == 1);
            assertThat(d.findElement(By.id("notify-error")).isDisplayed()).isFalse();
            assertThat(server.count("SELECT count(*) FROM audit_log WHERE action = 'NOTIFY_SETTINGS_UPDATE'"
                    + " AND details::text LIKE '%rahasia%'")).isZero();

            // At the desk (the admin works a counter too): a paying walk-in, then the patient's number under it.
            d.get(base + "/console/");
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#counter-select [data-counter='R-UMUM-1']"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("walkin-submit")));
            new Select(d.findElement(By.id("walkin-payer"))).selectByValue("UMUM");
            JsonObject before = new JsonObject().put("count", server.count("SELECT count(*) FROM ticket"));
            d.findElement(By.id("walkin-submit")).click();
            wait.until(x -> server.count("SELECT count(*) FROM ticket") == before.getLong("count") + 1);
            WebElement phone = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("walkin-phone")));
            phone.sendKeys("0812-3456-7890");
            d.findElement(By.id("walkin-notify-submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("walkin-notify-status")));
            wait.until(x -> server.count("SELECT count(*) FROM notify_phone WHERE phone = '6281234567890'") == 1);
            assertThat(d.findElement(By.id("walkin-notify-status")).getText()).contains("4 orang");
            assertThat(phone.getDomProperty("value")).isEmpty();
            browser.screenshot("notify-desk");
        }
    }
}
