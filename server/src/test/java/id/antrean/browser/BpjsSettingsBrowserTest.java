package id.antrean.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The facility's admin, in Chromium, sets how ineligible Mobile JKN bookings are handled and whether every patient is
 * reported, on the settings' BPJS tab; the services table says which poli is dental.
 */
class BpjsSettingsBrowserTest {

    @Test
    void anAdminChangesTheBpjsSettingsAndSeesPoliGigiIsDental() throws Exception {
        try (TestServer server = TestServer.start(MutableClock.at("2026-12-07T01:00:00Z"));
             Browser browser = Browser.laptop()) {
            WebDriver d = browser.driver();
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));
            String base = "http://localhost:" + server.port();
            d.get(base + "/console/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-username"))).sendKeys("admin");
            d.findElement(By.id("login-password")).sendKeys(TestServer.PASSWORD);
            d.findElement(By.id("login-submit")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("login-username")));
            d.get(base + "/console/settings.html");

            wait.until(ExpectedConditions.elementToBeClickable(By.id("tab-btn-bpjs"))).click();
            WebElement mode = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bs-booking")));
            wait.until(x -> "record".equals(new Select(mode).getFirstSelectedOption().getDomAttribute("value"))
                    && d.findElement(By.id("bs-report-all")).isSelected());
            assertThat(d.findElement(By.cssSelector("#bpjs-settings-form .panel-title")).getText()).isNotBlank();

            new Select(mode).selectByValue("refuse");
            d.findElement(By.id("bs-report-all")).click();
            d.findElement(By.cssSelector("#bpjs-settings-form button[type=submit]")).click();
            wait.until(x -> server.count("SELECT count(*) FROM facility WHERE code = 'pkm-demo'"
                    + " AND booking_eligibility = 'refuse' AND NOT report_all_patients") == 1);
            assertThat(d.findElement(By.id("bpjs-settings-error")).isDisplayed()).isFalse();
            browser.script("document.getElementById('bpjs-settings-form').scrollIntoView()");
            browser.screenshot("bpjs-settings-tab");

            wait.until(ExpectedConditions.elementToBeClickable(By.id("tab-btn-services"))).click();
            WebElement gigi = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#services-body tr[data-service='GIGI']")));
            assertThat(gigi.findElements(By.tagName("td")).get(5).getText()).isEqualTo("Ya");
            browser.screenshot("bpjs-settings-services");
        }
    }
}
