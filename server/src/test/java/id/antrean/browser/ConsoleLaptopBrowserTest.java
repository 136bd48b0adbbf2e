package id.antrean.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.TestServer;
import io.vertx.core.json.JsonObject;
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

/** The receptionist's console on the small office laptop (1366x768): everything needed at once, no scrolling. */
class ConsoleLaptopBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private TestServer server;
    private Browser laptop;

    @BeforeEach
    void start() {
        server = TestServer.start(Clock.systemUTC());
        laptop = Browser.laptop();
    }

    @AfterEach
    void stop() {
        if (laptop != null) {
            laptop.close();
        }
        server.close();
    }

    private static WebDriverWait within(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.pollingEvery(Duration.ofMillis(50));
        return wait;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> rect(String id) {
        return (Map<String, Object>) laptop.script(
                "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                        + "return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width,"
                        + " height: r.height};", id);
    }

    private static double num(Map<String, Object> rect, String key) {
        return ((Number) rect.get(key)).doubleValue();
    }

    @Test
    void atACounterTheWalkInFormAndCurrentTicketFitBesideTheWaitingListWithTheUsersNameAndAnAlertBelowTheHeader()
            throws Exception {
        WebDriver d = laptop.driver();
        d.get("http://localhost:" + server.port() + "/console/");
        within(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-username")));
        d.findElement(By.id("login-username")).sendKeys("resepsionis");
        d.findElement(By.id("login-password")).sendKeys(TestServer.PASSWORD);
        d.findElement(By.id("login-submit")).click();
        within(d).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#counter-select [data-counter='R-UMUM-1']"))).click();
        within(d).until(x -> "live".equals(x.findElement(By.id("live-status")).getDomAttribute("data-status")));

        double width = ((Number) laptop.script("return window.innerWidth;")).doubleValue();
        double height = ((Number) laptop.script("return window.innerHeight;")).doubleValue();
        var waiting = rect("waiting-title");
        for (String id : new String[] {"walkin-form", "walkin-submit", "current", "btn-call-next", "btn-cancel"}) {
            var box = rect(id);
            assertThat(num(box, "height")).as(id + " shown").isPositive();
            assertThat(num(box, "bottom")).as(id + " bottom within the window " + box).isLessThanOrEqualTo(height);
            assertThat(num(box, "right")).as(id + " right within the window").isLessThanOrEqualTo(width);
            // Beside the waiting list, not under it or under each other's column.
            assertThat(num(box, "right") <= num(waiting, "left") || num(box, "left") >= num(waiting, "right"))
                    .as(id + " beside the waiting list").isTrue();
        }
        // Nothing inside a column is cut off or pushed out of view either: each column's content fits it.
        for (String column : new String[] {".col-desk", ".col-side"}) {
            assertThat(((Number) laptop.script("const c = document.querySelector(arguments[0]);"
                    + "return c.scrollHeight - c.clientHeight;", column)).intValue())
                    .as(column + " fits: " + laptop.script("return [...document.querySelectorAll(arguments[0] + ' > *')]"
                            + ".map(e => e.id + e.className + ':' + e.getBoundingClientRect().height).join(', ');", column))
                    .isLessThanOrEqualTo(1);
        }
        assertThat(((Number) laptop.script("return document.scrollingElement.scrollHeight;")).doubleValue())
                .as("the page does not scroll").isLessThanOrEqualTo(height);

        // Whose session this is, seen in the header.
        assertThat(d.findElement(By.id("hdr-user")).isDisplayed()).isTrue();
        assertThat(d.findElement(By.id("hdr-user")).getText()).isNotBlank();
        assertThat(num(rect("hdr-user"), "right")).isLessThanOrEqualTo(width);

        // No empty alert bar sits anywhere before something happens.
        assertThat(d.findElement(By.id("error-banner")).isDisplayed()).isFalse();

        int status = server.as(server.kioskToken("pkm-demo")).post("/api/v1/facilities/pkm-demo/device-alerts")
                .sendJsonObject(new JsonObject().put("kind", "PRINTER_PROBLEM").put("problem", "OUT_OF_PAPER"))
                .await().statusCode();
        assertThat(status).isEqualTo(202);
        within(d).until(x -> x.findElement(By.id("error-banner")).isDisplayed()
                && !x.findElement(By.cssSelector("#error-banner .banner-text")).getText().isBlank());
        // Wait until its entry animation ends, then the alert must not hide the header (counter, user, log out).
        within(d).until(x -> Boolean.TRUE.equals(laptop.script(
                "return document.getElementById('error-banner').getAnimations().every(a => a.playState !== 'running');")));
        laptop.screenshot("console-laptop-alert");
        assertThat(num(rect("error-banner"), "top")).as("alert below the header")
                .isGreaterThanOrEqualTo(num(rect("topbar"), "bottom"));
    }
}
