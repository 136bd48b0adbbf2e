package id.antrean.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The receptionist's keyboard: each action's key follows the chosen language (Indonesian mnemonics in Bahasa
 * Indonesia, English ones in English), the key caps and the "?" list say the same keys, and typing in a field never
 * fires one. And no empty alert bar is ever on screen.
 */
class ConsoleShortcutsBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private TestServer server;
    private Browser desk;

    @BeforeEach
    void start() {
        server = TestServer.start(Clock.systemUTC());
        desk = Browser.laptop();
    }

    @AfterEach
    void stop() {
        if (desk != null) {
            desk.close();
        }
        server.close();
    }

    private static WebDriverWait within(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.pollingEvery(Duration.ofMillis(25));
        return wait;
    }

    private WebDriver d() {
        return desk.driver();
    }

    private void logIn() {
        d().get("http://localhost:" + server.port() + "/console/");
        within(d()).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-username")));
        assertNoEmptyBar("login");
        d().findElement(By.id("login-username")).sendKeys("resepsionis");
        d().findElement(By.id("login-password")).sendKeys(TestServer.PASSWORD);
        d().findElement(By.id("login-submit")).click();
        within(d()).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#counter-select [data-counter='R-UMUM-1']")));
        assertNoEmptyBar("counter choice");
        d().findElement(By.cssSelector("#counter-select [data-counter='R-UMUM-1']")).click();
        within(d()).until(x -> "live".equals(x.findElement(By.id("live-status")).getDomAttribute("data-status")));
    }

    private void english() {
        d().findElement(By.cssSelector("#topbar .lang-btn[data-lang='en']")).click();
        within(d()).until(ExpectedConditions.textToBe(By.cssSelector("#btn-call-next .act-label"), "Call next"));
    }

    private void waitingShows(String label) {
        within(d()).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#waiting [data-label='" + label + "']")));
    }

    /**
     * The call's event can show the called number before the call's own answer is back, and a key pressed while the
     * console still waits for an answer is not taken: the next key waits for it, as a receptionist's hand does.
     */
    private void callAnswered() {
        within(d()).until(x -> Boolean.FALSE.equals(desk.script("return document.body.classList.contains('is-busy');")));
    }

    private void press(CharSequence keys) {
        new Actions(d()).sendKeys(keys).perform();
    }

    private String keyCap(String button) {
        return d().findElement(By.cssSelector("#" + button + " kbd")).getText();
    }

    private String status(JsonObject ticket) {
        return server.get("/api/v1/facilities/pkm-demo/tickets/" + ticket.getLong("id")).bodyAsJsonObject()
                .getString("status");
    }

    /** The "?" list as [key, action] rows. */
    @SuppressWarnings("unchecked")
    private List<List<String>> shortcutList() {
        return (List<List<String>>) desk.script("return [...document.querySelectorAll('#shortcuts-list tr')]"
                + ".map(tr => [...tr.children].map(c => c.textContent.trim()));");
    }

    /**
     * Every element on screen that looks like an alert, notice or status bar (a box with a background or border)
     * but says nothing.
     */
    private void assertNoEmptyBar(String where) {
        Object empty = desk.script("""
                const bars = '[role=alert], [role=status], .banner, .notice, .form-error, .form-notice, .action-note,'
                    + ' .elig-answer, .walkin-booking, .alert, [class*=banner], [class*=alert]';
                return [...document.querySelectorAll(bars)].filter((e) => {
                  const r = e.getBoundingClientRect();
                  if (r.width === 0 || r.height === 0) return false;
                  const s = getComputedStyle(e);
                  if (s.visibility === 'hidden' || s.display === 'none' || Number(s.opacity) === 0) return false;
                  const painted = s.backgroundColor !== 'rgba(0, 0, 0, 0)' && s.backgroundColor !== 'transparent'
                      || parseFloat(s.borderTopWidth) + parseFloat(s.borderLeftWidth) + parseFloat(s.borderBottomWidth) > 0;
                  return painted && e.textContent.trim() === '' && !e.querySelector('img, svg, canvas');
                }).map((e) => (e.id || e.className) + ' ' + Math.round(e.getBoundingClientRect().height) + 'px');
                """);
        assertThat((List<?>) empty).as("empty bars on " + where).isEmpty();
    }

    @Test
    void inBahasaIndonesiaPCallsTheNextPatientAndTheKeyCapsAndTheQuestionMarkListSayTheIndonesianKeys() throws Exception {
        JsonObject first = server.walkIn("UMUM");
        logIn();
        waitingShows(first.getString("label"));
        assertNoEmptyBar("the console");

        assertThat(keyCap("btn-call-next")).isEqualTo("P / Spasi");
        assertThat(keyCap("btn-recall")).isEqualTo("U");
        assertThat(keyCap("btn-start")).isEqualTo("M");
        assertThat(keyCap("btn-skip")).isEqualTo("L");
        assertThat(keyCap("btn-finish")).isEqualTo("S");
        assertThat(keyCap("btn-park")).isEqualTo("T");
        assertThat(keyCap("btn-cancel")).isEqualTo("B");

        press("p");
        within(d()).until(ExpectedConditions.textToBe(By.id("current-label"), first.getString("label")));
        callAnswered();
        press("m");
        within(d()).until(x -> "SERVING".equals(status(first)));

        press("?");
        within(d()).until(x -> Boolean.TRUE.equals(desk.script("return document.getElementById('shortcuts-dialog').open;")));
        assertThat(d().findElement(By.id("shortcuts-title")).getText()).isEqualTo("Tombol pintas");
        List<List<String>> rows = shortcutList();
        assertThat(rows).contains(List.of("P / Spasi", "Panggil berikutnya"), List.of("U", "Panggil ulang"),
                List.of("M", "Mulai"), List.of("L", "Lewati"), List.of("S", "Selesai"), List.of("T", "Tunda"),
                List.of("B", "Batal"), List.of("?", "Tampilkan daftar tombol ini"));
        // One key, one action: no letter twice.
        assertThat(rows.stream().map(r -> r.get(0)).toList()).doesNotHaveDuplicates();
        desk.screenshot("console-shortcuts-id");
        press(Keys.ESCAPE);
        within(d()).until(x -> Boolean.FALSE.equals(desk.script("return document.getElementById('shortcuts-dialog').open;")));
    }

    @Test
    void inEnglishNCallsTheNextPatientBBeginsAndTheQuestionMarkButtonListsTheEnglishKeys() {
        JsonObject first = server.walkIn("UMUM");
        logIn();
        waitingShows(first.getString("label"));
        english();
        assertNoEmptyBar("the console in English");

        assertThat(keyCap("btn-call-next")).isEqualTo("N / Space");
        assertThat(keyCap("btn-recall")).isEqualTo("R");
        assertThat(keyCap("btn-start")).isEqualTo("B");
        assertThat(keyCap("btn-skip")).isEqualTo("S");
        assertThat(keyCap("btn-park")).isEqualTo("P");

        // "p" is Indonesian for calling; in English it parks, and with nobody called there is nothing to park.
        press("n");
        within(d()).until(ExpectedConditions.textToBe(By.id("current-label"), first.getString("label")));
        callAnswered();
        press("b");
        within(d()).until(x -> "SERVING".equals(status(first)));

        d().findElement(By.id("btn-shortcuts")).click();
        within(d()).until(x -> Boolean.TRUE.equals(desk.script("return document.getElementById('shortcuts-dialog').open;")));
        assertThat(d().findElement(By.id("shortcuts-title")).getText()).isEqualTo("Keyboard shortcuts");
        assertThat(shortcutList()).contains(List.of("N / Space", "Call next"), List.of("B", "Begin"),
                List.of("S", "Skip"), List.of("P", "Park"), List.of("?", "Show this list of keys"));
        press(Keys.ESCAPE);
        within(d()).until(x -> Boolean.FALSE.equals(desk.script("return document.getElementById('shortcuts-dialog').open;")));
    }

    @Test
    void aLetterTypedIntoAFieldStaysInTheFieldAndFiresNoAction() {
        JsonObject first = server.walkIn("UMUM");
        logIn();
        waitingShows(first.getString("label"));

        var card = d().findElement(By.id("walkin-card"));
        card.click();
        press("p?");
        assertThat(card.getDomProperty("value")).isEqualTo("p?");
        // The console's handler answers a key synchronously; it leaves the field's keys alone (not prevented).
        @SuppressWarnings("unchecked")
        Map<String, Boolean> handled = (Map<String, Boolean>) desk.script("""
                const fire = (target, key) => !target.dispatchEvent(new KeyboardEvent('keydown',
                    {key, bubbles: true, cancelable: true}));
                return {field: fire(document.getElementById('walkin-card'), 'p'),
                        help: fire(document.getElementById('walkin-card'), '?')};
                """);
        assertThat(handled).containsEntry("field", false).containsEntry("help", false);
        assertThat(desk.script("return document.getElementById('shortcuts-dialog').open;")).isEqualTo(false);
        assertThat(d().findElement(By.id("current-label")).getText()).isNotEqualTo(first.getString("label"));
        assertThat(status(first)).isEqualTo("WAITING");
    }

    @Test
    void noEmptyAlertBarIsShownBeforeDuringOrAfterAPrinterAlert() {
        logIn();
        assertNoEmptyBar("the console");

        int status = server.as(server.kioskToken("pkm-demo")).post("/api/v1/facilities/pkm-demo/device-alerts")
                .sendJsonObject(new JsonObject().put("kind", "PRINTER_PROBLEM").put("problem", "OUT_OF_PAPER"))
                .await().statusCode();
        assertThat(status).isEqualTo(202);
        within(d()).until(x -> x.findElement(By.id("error-banner")).isDisplayed());
        assertNoEmptyBar("the console with a printer alert");

        d().findElement(By.id("error-banner-close")).click();
        within(d()).until(ExpectedConditions.invisibilityOfElementLocated(By.id("error-banner")));
        assertNoEmptyBar("the console after the alert was closed");
        // A message that came out blank (a device without a name, a text not found) is no reason for a bar.
        assertThat(desk.script("return import('/console/common.js').then((c) => { c.showBanner('  ');"
                + " return document.getElementById('error-banner').hidden; });")).isEqualTo(true);
        assertNoEmptyBar("the console after a blank message");
        english();
        assertNoEmptyBar("the console in English");
    }
}
