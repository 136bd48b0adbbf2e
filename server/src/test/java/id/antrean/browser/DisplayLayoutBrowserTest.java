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

/** The waiting-room TV at 1920×1080, read from 5 m: sizes, the next numbers per poli, the offline badge. */
class DisplayLayoutBrowserTest {
    private static final Duration GENEROUS = Duration.ofSeconds(20);
    /** About the smallest text a patient reads from the back of a waiting room on a 1080p TV. */
    private static final double READABLE_FROM_FIVE_METRES_PX = 32;

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


    private void openDisplay() {
        tv.driver().get("http://localhost:" + server.port() + "/display/pkm-demo#token=" + TestServer.DISPLAY_TOKEN);
        within(tv.driver(), Duration.ofSeconds(10)).until(d ->
                "live".equals(d.findElement(By.tagName("body")).getDomAttribute("data-status")));
    }

    private double fontSizePx(String css) {
        Object size = tv.script("return parseFloat(getComputedStyle(document.querySelector(arguments[0])).fontSize);", css);
        return ((Number) size).doubleValue();
    }

    /** Read in one go: the labels are redrawn on each event, so elements found first may be gone when read. */
    @SuppressWarnings("unchecked")
    private List<String> nextNumbers(String service) {
        return (List<String>) tv.script("return [...document.querySelectorAll(arguments[0])].map(e => e.textContent);",
                "#waiting [data-service='" + service + "'] .tile-next-label");
    }

    @Test
    void eachPolisWaitingCountAndEstimateAreReadableFromFiveMetresAndItsNextNumbersFollowNewTickets() throws Exception {
        String first = server.walkIn("UMUM").getString("label");
        String second = server.walkIn("UMUM").getString("label");
        String gigi = server.walkIn("GIGI").getString("label");
        openDisplay();

        within(tv.driver(), GENEROUS).until(d -> nextNumbers("UMUM").equals(List.of(first, second)));
        assertThat(nextNumbers("GIGI")).containsExactly(gigi);
        assertThat(tv.driver().findElement(By.cssSelector("#waiting [data-service='UMUM'] .tile-next-title"))
                .getDomProperty("textContent"))
                .isEqualTo("Berikutnya");
        // The estimate shows once the poli has someone waiting ("± … menit" or "± — menit" without a basis).
        within(tv.driver(), GENEROUS).until(d -> !d.findElement(
                By.cssSelector("#waiting [data-service='UMUM'] .tile-wait")).getText().isEmpty());
        for (String service : List.of("UMUM", "GIGI")) {
            String tile = "#waiting [data-service='" + service + "'] ";
            assertThat(fontSizePx(tile + ".count")).as(service + " waiting count").isGreaterThanOrEqualTo(READABLE_FROM_FIVE_METRES_PX);
            assertThat(fontSizePx(tile + ".tile-wait")).as(service + " estimate").isGreaterThanOrEqualTo(READABLE_FROM_FIVE_METRES_PX);
            // On one line, all of it on the screen: nothing cut off at the bottom of the tile.
            assertThat((Boolean) tv.script("const t = document.querySelector(arguments[0]);"
                    + " const r = t.getBoundingClientRect(); return [...t.querySelectorAll('.count, .tile-wait, .tile-next')]"
                    + ".every(e => { const b = e.getBoundingClientRect(); return b.bottom <= r.bottom + 1 && b.bottom <= innerHeight"
                    + " && e.scrollWidth <= e.clientWidth + 1; });", "#waiting [data-service='" + service + "']"))
                    .as(service + " tile fits").isTrue();
        }

        // Live: a third and a fourth ticket; only the next three are shown, in calling order.
        String third = server.walkIn("UMUM").getString("label");
        server.walkIn("UMUM");
        within(tv.driver(), GENEROUS).until(d -> nextNumbers("UMUM").equals(List.of(first, second, third)));
        // The first is called: it leaves the line.
        server.counter("R-UMUM-1", "call-next", null);
        within(tv.driver(), GENEROUS).until(d -> nextNumbers("UMUM").size() == 3 && nextNumbers("UMUM").getFirst().equals(second));
        tv.screenshot("display-next-numbers");
    }

    @Test
    void theOfflineBadgeLeavesALongFacilityNameWhole() throws Exception {
        String longName = "UPT Puskesmas Kecamatan Cempaka Putih Barat Kota Administrasi Jakarta Pusat";
        server.sql("UPDATE facility SET name = '" + longName + "' WHERE code = 'pkm-demo'");
        openDisplay();
        within(tv.driver(), GENEROUS).until(ExpectedConditions.textToBe(By.id("facility-name"), longName));

        // Count the display's reconnect attempts, and note whether the badge ever goes away once shown.
        tv.script("window.eventsFetches = 0; const realFetch = window.fetch;"
                + " window.fetch = (url, init) => { if (String(url).endsWith('/events')) window.eventsFetches++;"
                + " return realFetch(url, init); };"
                + " const badge = document.getElementById('offline-badge'); window.badgeWentAway = false;"
                + " new MutationObserver(() => { if (window.badgeShownAt !== undefined && badge.hidden)"
                + " window.badgeWentAway = true; if (!badge.hidden && window.badgeShownAt === undefined)"
                + " window.badgeShownAt = window.eventsFetches; })"
                + ".observe(badge, { attributes: true, childList: true, characterData: true, subtree: true });");
        server.stopNode();

        within(tv.driver(), GENEROUS).until(ExpectedConditions.visibilityOfElementLocated(By.id("offline-badge")));
        // Three more attempts to reconnect fail while the server is down: the badge stays, whole, all along.
        within(tv.driver(), GENEROUS).until(d -> ((Number) tv.script(
                "return window.eventsFetches - window.badgeShownAt;")).intValue() >= 3);
        assertThat((Boolean) tv.script("return window.badgeWentAway;"))
                .as("the offline badge stays while reconnecting fails").isFalse();
        tv.screenshot("display-offline-long-name");
        assertThat((Boolean) tv.script("const n = document.getElementById('facility-name');"
                + " return n.scrollWidth <= n.clientWidth + 1 && n.scrollHeight <= n.clientHeight + 1;"))
                .as("facility name not truncated").isTrue();
        assertThat((Boolean) tv.script("const b = document.getElementById('offline-badge');"
                + " return b.scrollWidth <= b.clientWidth + 1 && b.getBoundingClientRect().bottom <= innerHeight;"))
                .as("offline badge whole and on screen").isTrue();
        assertThat(tv.driver().findElement(By.id("offline-badge")).getText()).isNotBlank();
    }
}
