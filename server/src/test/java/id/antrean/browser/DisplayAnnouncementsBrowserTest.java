package id.antrean.browser;

import static id.antrean.browser.Browser.within;
import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.TestServer;
import io.vertx.core.json.JsonObject;
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
 * What the waiting room hears: each call once or twice as the facility's profile says (announceTwice), the chime
 * first, and a poli closed for the day said so on its tile. The clips the voice was given are read from
 * window.antreanDisplay.spoken: no real audio is judged.
 */
class DisplayAnnouncementsBrowserTest {
    private static final Duration GENEROUS = Duration.ofSeconds(20);
    private static final String PROFILE = "/api/v1/facilities/pkm-demo/profile";

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

    @SuppressWarnings("unchecked")
    private List<List<String>> spoken() {
        return (List<List<String>>) tv.script("return window.antreanDisplay.spoken;");
    }

    /** Calls the next patient to Ruang Periksa Umum 1 and returns what the display gave its voice for it. */
    private List<String> callAndHear() {
        JsonObject ticket = server.walkIn("UMUM");
        int before = spoken().size();
        assertThat(server.counter("R-UMUM-1", "call-next", null).statusCode()).isEqualTo(200);
        within(tv.driver(), GENEROUS).until(ExpectedConditions.textToBe(By.id("current-label"), ticket.getString("label")));
        within(tv.driver(), GENEROUS).until(d -> spoken().size() > before);
        return spoken().get(spoken().size() - 1);
    }

    private static final List<String> ONCE = List.of("nomor-antrean", "a", "satu", "silakan-ke", "ruang", "periksa",
            "umum", "satu");

    @Test
    void byDefaultEachCallIsSaidTwiceAfterOneChimeWithAPauseBetween() {
        openDisplay();

        List<String> clips = callAndHear();

        List<String> twice = new java.util.ArrayList<>(List.of("chime"));
        twice.addAll(ONCE);
        twice.add("pause");
        twice.addAll(ONCE);
        assertThat(clips).containsExactlyElementsOf(twice);
    }

    @Test
    void whenTheAdminTurnsTheRepeatOffTheOpenDisplaySaysTheNextCallOnceWithoutAReload() {
        openDisplay();
        var admin = server.as(server.login("admin"));
        var current = admin.get(PROFILE).send().await();
        JsonObject edit = current.bodyAsJsonObject();
        var saved = admin.put(PROFILE).putHeader("If-Match", current.getHeader("ETag"))
                .sendJsonObject(new JsonObject().put("name", edit.getString("name")).put("address", "Jl. Urip Sumoharjo 12")
                        .put("phone", "+62 411 123456").put("ticketFooter", "Terima kasih")
                        .put("kioskIdleSeconds", edit.getInteger("kioskIdleSeconds"))
                        .put("languages", edit.getJsonArray("languages")).put("announceTwice", false))
                .await();
        assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);
        // The display takes the new setting from the SETTINGS_CHANGED event, live.
        within(tv.driver(), GENEROUS).until(d -> Boolean.FALSE.equals(tv.script(
                "return window.antreanDisplay.announceTwice;")));

        List<String> clips = callAndHear();

        List<String> once = new java.util.ArrayList<>(List.of("chime"));
        once.addAll(ONCE);
        assertThat(clips).containsExactlyElementsOf(once);
    }

    @Test
    void aPoliClosedForTheDayShowsTutupHariIniInsteadOfItsCountAndEstimate() throws Exception {
        server.walkIn("GIGI");
        openDisplay();
        String today = server.get("/api/v1/facilities/pkm-demo/queue").bodyAsJsonObject().getString("serviceDate");

        int status = server.as(server.login("admin")).post("/api/v1/facilities/pkm-demo/closures")
                .sendJsonObject(new JsonObject().put("date", today).put("service", "GIGI").put("reason", "Dokter cuti"))
                .await().statusCode();

        assertThat(status).isEqualTo(201);
        String gigi = "#waiting [data-service='GIGI'] ";
        within(tv.driver(), GENEROUS).until(ExpectedConditions.textToBe(By.cssSelector(gigi + ".tile-closed"),
                "Tutup hari ini"));
        assertThat(tv.driver().findElement(By.cssSelector(gigi + ".count")).isDisplayed()).isFalse();
        assertThat(tv.driver().findElement(By.cssSelector(gigi + ".tile-wait")).getText()).isEmpty();
        assertThat(tv.driver().findElement(By.cssSelector("#waiting [data-service='UMUM'] .count")).isDisplayed()).isTrue();
        tv.screenshot("display-closed-today");
    }
}
