package id.antrean.browser;

import static id.antrean.browser.Browser.within;
import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.TestServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The waiting tile's estimate follows every ticket taken and called at once, worked out on the display from its own
 * count and the paces the event stream pushes: the display never reads the board for it (issue #18: a board read a
 * minute per display was most of a district server's idle load).
 */
class DisplayWaitEstimateBrowserTest {
    private static final Duration GENEROUS = Duration.ofSeconds(20);
    private static final By UMUM_ESTIMATE = By.cssSelector("#waiting [data-service='UMUM'] .tile-wait");

    private TestServer server;
    private Browser tv;

    @BeforeEach
    void start() {
        server = TestServer.start(Clock.systemUTC());
        tv = Browser.tv();
    }

    @AfterEach
    void stop() {
        if (tv != null) {
            tv.close();
        }
        server.close();
    }


    @SuppressWarnings("unchecked")
    private List<String> boardReads() {
        return (List<String>) tv.script("return performance.getEntriesByType('resource').map((e) => e.name)"
                + ".filter((name) => name.includes('/queue'));");
    }

    @Test
    void afterACallTheEstimateChangesAtOnceWithoutTheDisplayReadingTheBoard() {
        for (int i = 0; i < 4; i++) {
            server.walkIn("UMUM");
        }
        tv.driver().get("http://localhost:" + server.port() + "/display/pkm-demo#token=" + TestServer.DISPLAY_TOKEN);
        // Poli Umum: 5 minutes a patient (its typical time), two rooms: 4 ahead of a newcomer are 10 minutes.
        within(tv.driver(), GENEROUS).until(ExpectedConditions.textToBe(UMUM_ESTIMATE, "± 10 menit"));

        assertThat(server.counter("R-UMUM-1", "call-next", null).statusCode()).isEqualTo(200);

        // 3 ahead, and now one room at work (the only one that called within the hour): 15 minutes.
        within(tv.driver(), GENEROUS).until(ExpectedConditions.textToBe(UMUM_ESTIMATE, "± 15 menit"));
        server.walkIn("UMUM");
        within(tv.driver(), GENEROUS).until(ExpectedConditions.textToBe(UMUM_ESTIMATE, "± 20 menit"));
        assertThat(boardReads()).as("board reads by the display").isEmpty();
    }
}
