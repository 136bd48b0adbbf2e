package id.antrean.browser;

import static id.antrean.browser.Browser.within;
import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.queue.QueueBoard;
import id.antrean.testing.TestServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A line longer than the board lists (its first 50, issue #18): the console and the display count every ticket
 * in it, follow it as tickets are taken and called, read the next ones when the first run out, and the console
 * lists the whole line when the receptionist asks.
 */
class LongLineBrowserTest {
    private static final Duration GENEROUS = Duration.ofSeconds(20);
    private static final String UMUM = "#waiting [data-service='UMUM']";
    private static final int LINE = QueueBoard.WAITING_SHOWN + 10;

    private TestServer server;
    private Browser browser;
    private final List<String> labels = new ArrayList<>();

    @BeforeEach
    void start() {
        server = TestServer.start(Clock.systemUTC());
        for (int i = 0; i < LINE; i++) {
            labels.add(server.walkIn("UMUM").getString("label"));
        }
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    @Test
    void theConsoleListsTheFirstFiftyCountsTheRestAndFollowsTheLineUntilItHoldsItAll() {
        browser = Browser.desk();
        logInAtCounter("R-UMUM-1");
        WebDriver d = browser.driver();
        within(d, GENEROUS).until(ExpectedConditions.textToBe(By.cssSelector(UMUM + " .svc-count"), "60 menunggu"));
        assertThat(rows(d)).isEqualTo(QueueBoard.WAITING_SHOWN);
        assertThat(d.findElement(By.cssSelector(UMUM + " .more-count")).getText()).isEqualTo("… dan 10 lagi dalam antrean");

        server.walkIn("UMUM");
        within(d, GENEROUS).until(ExpectedConditions.textToBe(By.cssSelector(UMUM + " .svc-count"), "61 menunggu"));
        assertThat(rows(d)).isEqualTo(QueueBoard.WAITING_SHOWN);

        // 42 called: the 8 left of the first 50 are too few, so the console reads the next ones (all 19 now).
        for (int i = 0; i < 42; i++) {
            assertThat(server.counter("R-UMUM-1", "call-next", null).statusCode()).isEqualTo(200);
        }
        within(d, GENEROUS).until(x -> rows(x) == 19);
        assertThat(d.findElement(By.cssSelector(UMUM + " .svc-count")).getText()).isEqualTo("19 menunggu");
        assertThat(d.findElement(By.cssSelector(UMUM + " .more")).isDisplayed()).isFalse();
        assertThat(d.findElement(By.cssSelector(UMUM + " .rows-waiting > li")).getDomAttribute("data-label"))
                .isEqualTo(labels.get(42));
    }

    @Test
    void theConsoleListsTheWholeLineWhenTheReceptionistAsks() {
        browser = Browser.desk();
        logInAtCounter("R-UMUM-1");
        WebDriver d = browser.driver();
        within(d, GENEROUS).until(ExpectedConditions.elementToBeClickable(By.cssSelector(UMUM + " .more-all")));

        d.findElement(By.cssSelector(UMUM + " .more-all")).click();

        within(d, GENEROUS).until(x -> rows(x) == LINE);
        assertThat(d.findElement(By.cssSelector(UMUM + " .more")).isDisplayed()).isFalse();
        server.walkIn("UMUM");
        within(d, GENEROUS).until(x -> rows(x) == LINE + 1);
    }

    @Test
    void theDisplayCountsTheWholeLineAndShowsTheNextNumbersAsTheFirstFiftyAreCalled() {
        browser = Browser.tv();
        WebDriver tv = browser.driver();
        tv.get("http://localhost:" + server.port() + "/display/pkm-demo#token=" + TestServer.DISPLAY_TOKEN);
        within(tv, GENEROUS).until(x -> waitingOnDisplay() == LINE);
        assertThat(nextOnDisplay()).containsExactlyElementsOf(labels.subList(0, 3));

        String added = server.walkIn("UMUM").getString("label");
        within(tv, GENEROUS).until(x -> waitingOnDisplay() == LINE + 1);
        for (int i = 0; i < 45; i++) {
            assertThat(server.counter("R-UMUM-1", "call-next", null).statusCode()).isEqualTo(200);
        }

        within(tv, GENEROUS).until(x -> waitingOnDisplay() == LINE + 1 - 45);
        within(tv, GENEROUS).until(x -> nextOnDisplay().equals(labels.subList(45, 48)));
        labels.add(added);
        for (int i = 0; i < 14; i++) {
            server.counter("R-UMUM-1", "call-next", null);
        }
        within(tv, GENEROUS).until(x -> nextOnDisplay().equals(labels.subList(59, 61)));
        assertThat(waitingOnDisplay()).isEqualTo(2);
    }

    private static int rows(WebDriver d) {
        return d.findElements(By.cssSelector(UMUM + " .rows-waiting > li")).size();
    }

    @SuppressWarnings("unchecked")
    private long waitingOnDisplay() {
        Map<String, Object> waiting = (Map<String, Object>) browser.script(
                "return window.antreanDisplay && window.antreanDisplay.state.waiting;");
        return waiting == null || waiting.get("UMUM") == null ? -1 : ((Number) waiting.get("UMUM")).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<String> nextOnDisplay() {
        return (List<String>) browser.script("const s = window.antreanDisplay.state.services"
                + ".find((x) => x.code === 'UMUM'); return s ? s.next : [];");
    }

    private void logInAtCounter(String counter) {
        browser.logInAtCounter("http://localhost:" + server.port(), "resepsionis", counter);
    }
}
