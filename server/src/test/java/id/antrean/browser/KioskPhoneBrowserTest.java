package id.antrean.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.kiosk.KioskAgent;
import id.antrean.kiosk.KioskConfig;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue #19 at the kiosk: after the ticket, a patient may leave a WhatsApp/SMS number on a big keypad (offered only
 * when the facility sends messages, never required); a wrong number is explained, a good one is taken and never
 * shown again.
 */
class KioskPhoneBrowserTest {
    // A Wednesday, 08:30 in Makassar: the demo's Poli Umum is open.
    private final MutableClock clock = MutableClock.at("2026-11-25T00:30:00Z");
    private TestServer server;
    private KioskAgent kiosk;
    private Browser browser;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(clock);
        Path printed = Files.createTempDirectory("kiosk-prints");
        kiosk = KioskAgent.start(KioskConfig.fromEnv(Map.of(
                "PORT", "0", "SERVER_URL", "http://localhost:" + server.port(), "FACILITY", "pkm-demo",
                "DEVICE_TOKEN", TestServer.DEVICE_TOKEN, "PRINTER", "pdf:" + printed, "PRINTER_WIDTH", "58",
                "KIOSK_PIN", "2468")), Clock.systemUTC());
        browser = Browser.tv();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (kiosk != null) {
            kiosk.close();
        }
        server.close();
    }

    private WebDriver d() {
        return browser.driver();
    }

    private WebDriverWait within(int seconds) {
        WebDriverWait wait = new WebDriverWait(d(), Duration.ofSeconds(seconds));
        wait.pollingEvery(Duration.ofMillis(50));
        return wait;
    }

    private void onScreen(String screen) {
        within(10).until(x -> screen.equals(x.findElement(By.tagName("body")).getDomAttribute("data-screen")));
    }

    private void takeUmumTicket() {
        d().get("http://localhost:" + kiosk.port() + "/");
        onScreen("welcome");
        d().findElement(By.id("btn-umum")).click();
        onScreen("services");
        within(5).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#services [data-service='UMUM']"))).click();
        onScreen("ticket");
    }

    private void typePhone(String digits) {
        for (char c : digits.toCharArray()) {
            d().findElement(By.cssSelector("[data-phone-key='" + c + "']")).click();
        }
        d().findElement(By.cssSelector("[data-phone-key='ok']")).click();
    }

    @Test
    void aFacilityWithoutMessagesOffersNoPhoneStep() {
        takeUmumTicket();
        within(5).until(x -> !x.findElement(By.id("ticket-label")).getText().isEmpty());
        assertThat(d().findElement(By.id("btn-notify")).isDisplayed()).isFalse();
    }

    @Test
    void aPatientLeavesTheirNumberOnTheKeypadAfterAWrongOneIsExplained() throws Exception {
        server.sql("INSERT INTO notify_settings (facility_id, enabled, threshold, webhook_url, body_template, changed_at, changed_by) "
                + "SELECT facility_id, true, 3, 'http://127.0.0.1:9/send', '{}', now(), 'test' FROM facility WHERE code = 'pkm-demo'");
        takeUmumTicket();
        within(10).until(ExpectedConditions.elementToBeClickable(By.id("btn-notify")));
        assertThat(d().findElement(By.id("btn-notify")).getText()).isEqualTo("Kabari saya lewat WhatsApp/SMS");
        d().findElement(By.id("btn-notify")).click();
        onScreen("phone");
        assertThat(d().findElement(By.id("phone-hint")).getText()).contains("tinggal 3 orang lagi");

        typePhone("0212345678");
        within(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("phone-error")));
        assertThat(d().findElement(By.id("phone-error")).getText()).contains("Nomor HP tidak valid");
        browser.screenshot("kiosk-phone");

        for (int i = 0; i < 10; i++) {
            d().findElement(By.cssSelector("[data-phone-key='back']")).click();
        }
        typePhone("081234567890");

        onScreen("ticket");
        within(5).until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-notified")));
        assertThat(d().findElement(By.id("ticket-notified")).getText()).contains("tinggal 3 orang lagi");
        assertThat(d().findElement(By.id("btn-notify")).isDisplayed()).isFalse();
        assertThat(d().findElement(By.tagName("body")).getText()).doesNotContain("1234567890").doesNotContain("3456");
        assertThat(server.count("SELECT count(*) FROM notify_phone WHERE phone = '6281234567890'")).isEqualTo(1);
    }
}
