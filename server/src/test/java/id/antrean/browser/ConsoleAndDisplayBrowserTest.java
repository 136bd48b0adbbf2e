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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The people in the room: a receptionist calls on the console, the TV on the wall shows and says it. */
class ConsoleAndDisplayBrowserTest {
    private TestServer server;
    private Browser tv;
    private Browser desk;

    @BeforeEach
    void start() {
        server = TestServer.start(Clock.systemUTC());
        tv = Browser.tv();
        desk = Browser.desk();
    }

    @AfterEach
    void stop() {
        if (desk != null) {
            desk.close();
        }
        if (tv != null) {
            tv.close();
        }
        server.close();
    }

    private String base() {
        return "http://localhost:" + server.port();
    }

    /**
     * How long a test waits for what it awaits: generous, because a shared CI machine may pause for seconds. How
     * fast a call reaches the screen is measured by bench/ ("Call → screen latency"), not asserted here.
     */
    private static final Duration GENEROUS = Duration.ofSeconds(20);


    private void openDisplay() {
        tv.driver().get(base() + "/display/pkm-demo#token=" + TestServer.DISPLAY_TOKEN);
        within(tv.driver(), Duration.ofSeconds(10)).until(d ->
                "live".equals(d.findElement(By.tagName("body")).getDomAttribute("data-status")));
        // The facility's clock, in its zone and with its Indonesian label (pkm-demo is in Makassar).
        within(tv.driver(), Duration.ofSeconds(10)).until(d -> d.findElement(By.id("clock")).getText().endsWith(" WITA"));
    }

    private void logInAtCounter(String counter) {
        desk.logInAtCounter(base(), "resepsionis", counter);
    }

    @Test
    void aCallOnTheConsoleShowsAndIsSpokenOnTheDisplay() throws Exception {
        // Poli Gigi has neither history nor a typical time: no basis for an estimate, and the screen says so.
        server.sql("UPDATE service SET typical_service_minutes = NULL WHERE code = 'GIGI'");
        JsonObject first = server.walkIn("UMUM");
        server.walkIn("UMUM");
        server.walkIn("GIGI");
        openDisplay();
        // Two waiting, five minutes a patient without history, two rooms: a newcomer waits about five minutes.
        assertThat(tv.driver().findElement(By.cssSelector("#waiting [data-service='UMUM'] .tile-wait")).getText())
                .isEqualTo("± 5 menit");
        assertThat(tv.driver().findElement(By.cssSelector("#waiting [data-service='GIGI'] .tile-wait")).getText())
                .isEqualTo("± — menit");
        logInAtCounter("R-UMUM-1");
        within(desk.driver(), Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#waiting [data-label='" + first.getString("label") + "']")));

        desk.driver().findElement(By.id("btn-call-next")).click();

        within(tv.driver(), GENEROUS).until(ExpectedConditions.textToBe(By.id("current-label"),
                first.getString("label")));
        assertThat(tv.driver().findElement(By.id("current-destination")).getText()).contains("Ruang Periksa Umum 1");
        within(desk.driver(), GENEROUS).until(ExpectedConditions.textToBe(By.id("current-label"),
                first.getString("label")));

        @SuppressWarnings("unchecked")
        List<List<String>> spoken = (List<List<String>>) tv.script("return window.antreanDisplay.spoken;");
        assertThat(spoken).isNotEmpty();
        assertThat(spoken.get(spoken.size() - 1)).startsWith("chime", "nomor-antrean", "a")
                .contains("silakan-ke", "ruang", "periksa", "umum", "satu");

        String page = tv.driver().getPageSource();
        assertThat(page).doesNotContain("cardNumber").doesNotContain("7890");
        tv.screenshot("display");
        desk.screenshot("console");
    }

    private static void shownEligibility(WebDriver d, String reason) {
        within(d, GENEROUS).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(x -> reason.equals(x.findElement(By.cssSelector("#ticket-badges [data-eligibility]"))
                        .getDomAttribute("data-eligibility")));
    }

    @Test
    void theDeskChecksATicketAgainAfterThePatientPaidAndSwitchesItToUmum() throws Exception {
        String card = id.antrean.bpjs.simulator.DemoParticipants.ARREARS;
        JsonObject ticket = server.issue(new JsonObject().put("service", "UMUM").put("payer", "JKN")
                .put("cardNumber", card)).bodyAsJsonObject();
        String label = ticket.getString("label");
        // The patient pays their arrears in Mobile JKN while they wait.
        server.bpjs().put(new id.antrean.bpjs.simulator.SimulatedParticipant(card, "7371100101900003", "ANDI PRATAMA",
                "L", java.time.LocalDate.of(1990, 1, 1), true, "AKTIF", java.time.LocalDate.of(2014, 1, 1),
                java.time.LocalDate.of(2050, 12, 31), id.antrean.bpjs.simulator.DemoParticipants.DEMO_PROVIDER,
                id.antrean.bpjs.simulator.DemoParticipants.DEMO_PROVIDER_NAME, "2", "KELAS II", "14",
                "PEKERJA BUKAN PENERIMA UPAH", 0));
        logInAtCounter("R-UMUM-1");
        WebDriver d = desk.driver();
        within(d, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#waiting [data-label='" + label + "'] .row-label"))).click();
        within(d, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-recheck")));
        // The dialog is filled twice (what the list knows, then the ticket read afresh): wait through both.
        shownEligibility(d, "INACTIVE");
        assertThat(d.findElement(By.id("ticket-recheck")).getText()).isEqualTo("Periksa ulang");

        d.findElement(By.id("ticket-recheck")).click();
        shownEligibility(d, "ACTIVE_HERE");
        assertThat(d.findElement(By.id("action-note")).getText()).startsWith(label + ": ").contains("aktif");

        WebElement payer = d.findElement(By.id("ticket-payer"));
        assertThat(payer.getText()).isEqualTo("Jadikan pasien umum");
        payer.click();
        within(d, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id("confirm-ok"))).click();
        within(d, GENEROUS).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(x -> x.findElement(By.id("ticket-payer")).getText().equals("Jadikan pasien JKN"));
        assertThat(server.count("SELECT count(*) FROM ticket WHERE ticket_id = " + ticket.getLong("id")
                + " AND payer = 'UMUM'")).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM bpjs_outbox WHERE kind = 'BATAL' AND ticket_id = "
                + ticket.getLong("id"))).isEqualTo(1);
        desk.screenshot("console-ticket-corrected");
    }

    @Test
    void theDeskIsToldThePatientAlreadyHoldsANumberAndMayGiveASecondOneWithAReason() throws Exception {
        // Issue #15, point 1: the card took A-001 at the kiosk; at the desk it gets no second number unasked.
        JsonObject held = server.issue(new JsonObject().put("service", "UMUM").put("payer", "JKN")
                .put("cardNumber", "0001234567890")).bodyAsJsonObject();
        logInAtCounter("R-UMUM-1");
        WebDriver d = desk.driver();
        d.findElement(By.id("walkin-card")).sendKeys("0001234567890");
        d.findElement(By.id("walkin-submit")).click();

        within(d, GENEROUS).until(ExpectedConditions.visibilityOfElementLocated(By.id("walkin-duplicate")));
        assertThat(d.findElement(By.id("walkin-duplicate-text")).getText())
                .contains(held.getString("label"), "Poli Umum");
        assertThat(d.findElement(By.id("walkin-result")).isDisplayed()).isFalse();
        desk.screenshot("console-already-has-ticket");
        d.findElement(By.id("walkin-duplicate-reason")).sendKeys("Nomor pertama hilang");
        d.findElement(By.id("walkin-submit")).click();

        within(d, GENEROUS).until(x -> x.findElement(By.id("walkin-result")).isDisplayed()
                || x.findElement(By.id("error-banner")).isDisplayed());
        desk.screenshot("console-second-number");
        assertThat(d.findElement(By.id("error-banner")).isDisplayed())
                .as(d.findElement(By.id("error-banner")).getText()).isFalse();
        String second = d.findElement(By.id("walkin-result-label")).getText();
        assertThat(second).matches("A-\\d{3}").isNotEqualTo(held.getString("label"));
        assertThat(d.findElement(By.id("walkin-duplicate")).isDisplayed()).isFalse();
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE action = 'TICKET_DUPLICATE_ISSUED' "
                + "AND details->'after'->>'reason' = 'Nomor pertama hilang' AND details->'after'->>'label' = '"
                + second + "'")).isEqualTo(1);
    }

    @Test
    void aDisplayOpenedAfterSixCallsShowsThemAndTheMissedNumbersWhichSkipsAndRequeuesUpdateLive() throws Exception {
        List<String> called = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            server.walkIn("UMUM");
        }
        List<String> skipped = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            called.add(server.counter("R-UMUM-1", "call-next", null).bodyAsJsonObject().getString("label"));
            if (i == 3) {
                skipped.add(server.counter("R-UMUM-1", "skip", null).bodyAsJsonObject().getString("label"));
            } else if (i < 5) {
                // The patient came in: the next call finishes them (a called patient who never came is a no-show).
                server.counter("R-UMUM-1", "start", null);
            }
        }
        String missed = skipped.getFirst();
        assertThat(missed).isEqualTo(called.get(3));

        openDisplay();

        // The morning so far, not "Belum ada panggilan hari ini": the six calls, newest first, with the room.
        within(tv.driver(), GENEROUS).until(d -> labels(d, "#recent .recent-item").size() == 6);
        assertThat(labels(tv.driver(), "#recent .recent-item")).containsExactlyElementsOf(called.reversed());
        assertThat(tv.driver().findElement(By.id("current-label")).getText()).isEqualTo(called.get(5));
        assertThat(tv.driver().findElement(By.cssSelector("#recent .recent-item .recent-destination")).getText())
                .isEqualTo("Ruang Periksa Umum 1");
        assertThat(tv.driver().findElement(By.id("recent-none")).isDisplayed()).isFalse();
        assertThat(tv.driver().findElement(By.id("missed-title")).getDomProperty("textContent")).isEqualTo("Nomor terlewat");
        assertThat(labels(tv.driver(), "#missed .missed-item")).containsExactly(missed);
        assertThat(tv.driver().findElement(By.id("missed-hint")).getText()).contains("petugas loket");
        tv.screenshot("display-missed");

        // Live: the number just called does not come, and the first missed one comes back to the desk.
        String last = server.counter("R-UMUM-1", "skip", null).bodyAsJsonObject().getString("label");
        within(tv.driver(), GENEROUS).until(d -> labels(d, "#missed .missed-item").equals(List.of(missed, last)));
        long missedId = server.count("SELECT ticket_id FROM ticket WHERE label = '" + missed + "'");
        assertThat(server.counter("R-UMUM-1", "requeue", new JsonObject().put("ticket", missedId)).statusCode())
                .isEqualTo(200);
        within(tv.driver(), GENEROUS).until(d -> labels(d, "#missed .missed-item").equals(List.of(last)));
        assertThat(tv.driver().getPageSource()).doesNotContain("cardNumber");
    }

    private static List<String> labels(WebDriver driver, String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(e -> e.getDomAttribute("data-label")).toList();
    }

    @Test
    void aServiceAndRoomAnAdminAddsReachTheDisplayAndConsoleLiveAndTheRoomIsSaidByItsSpokenName() throws Exception {
        openDisplay();
        WebDriver d = desk.driver();
        d.get(base() + "/console/");
        within(d, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-username")));
        d.findElement(By.id("login-username")).sendKeys("resepsionis");
        d.findElement(By.id("login-password")).sendKeys(TestServer.PASSWORD);
        d.findElement(By.id("login-submit")).click();
        within(d, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#counter-select [data-counter='R-UMUM-1']")));

        var admin = server.as(server.login("admin"));
        assertThat(admin.post("/api/v1/facilities/pkm-demo/services").sendJsonObject(new JsonObject()
                .put("code", "GIZI").put("name", "Poli Gizi").put("prefix", "G")).await().statusCode()).isEqualTo(201);
        assertThat(admin.post("/api/v1/facilities/pkm-demo/counters").sendJsonObject(new JsonObject()
                .put("code", "R-GIZI").put("name", "Ruang Gizi (lantai 2)").put("spokenName", "Ruang Gizi 2")
                .put("services", new io.vertx.core.json.JsonArray().add("GIZI"))).await().statusCode()).isEqualTo(201);

        // No reload: the display's tiles and the console's rooms follow the SETTINGS_CHANGED events.
        within(tv.driver(), GENEROUS).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#waiting [data-service='GIZI']")));
        within(d, GENEROUS).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#counter-select [data-counter='R-GIZI']"))).click();
        within(d, Duration.ofSeconds(10)).until(x ->
                "live".equals(x.findElement(By.id("live-status")).getDomAttribute("data-status")));
        JsonObject ticket = server.walkIn("GIZI");
        within(d, GENEROUS).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#waiting [data-label='" + ticket.getString("label") + "']")));

        d.findElement(By.id("btn-call-next")).click();

        within(tv.driver(), GENEROUS).until(ExpectedConditions.textToBe(By.id("current-label"), ticket.getString("label")));
        assertThat(tv.driver().findElement(By.id("current-destination")).getText()).isEqualTo("Ruang Gizi (lantai 2)");
        @SuppressWarnings("unchecked")
        List<List<String>> spoken = (List<List<String>>) tv.script("return window.antreanDisplay.spoken;");
        assertThat(spoken.get(spoken.size() - 1)).endsWith("silakan-ke", "ruang", "gizi", "dua");
    }

    @Test
    void aPoliClosedForTheDayIsSaidOnTheDisplayAsSoonAsTheAdminClosesIt() throws Exception {
        openDisplay();
        String today = server.get("/api/v1/facilities/pkm-demo/queue").bodyAsJsonObject().getString("serviceDate");

        int status = server.as(server.login("admin")).post("/api/v1/facilities/pkm-demo/closures")
                .sendJsonObject(new JsonObject().put("date", today).put("service", "GIGI").put("reason", "Dokter cuti"))
                .await().statusCode();

        assertThat(status).isEqualTo(201);
        // Live, on the SETTINGS_CHANGED event: no reload, no waiting for the minutely refresh.
        within(tv.driver(), GENEROUS).until(ExpectedConditions.textToBe(
                By.cssSelector("#waiting [data-service='GIGI'] .tile-closed"), "Tutup hari ini"));
        assertThat(tv.driver().findElement(By.cssSelector("#waiting [data-service='UMUM'] .tile-closed")).getText())
                .isEmpty();
        tv.screenshot("display-closed-poli");
    }

    @Test
    void theDisplayShowsItIsOfflineAndIsRightAgainAfterTheServerReturns() throws Exception {
        openDisplay();
        int port = server.port();
        String databaseUrl = server.databaseUrl();
        server.stopNode();

        within(tv.driver(), Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.id("offline-badge")));
        tv.screenshot("display-offline");

        // While the TV is cut off, the queue moves on through another node.
        try (TestServer other = TestServer.startOn(databaseUrl, Clock.systemUTC())) {
            JsonObject ticket = other.walkIn("GIGI");
            other.counter("R-GIGI", "call-next", null);

            var env = TestServer.env(databaseUrl, true);
            env.put("PORT", Integer.toString(port));
            server = TestServer.start(env, Clock.systemUTC());

            within(tv.driver(), GENEROUS).until(ExpectedConditions.textToBe(By.id("current-label"),
                    ticket.getString("label")));
            within(tv.driver(), GENEROUS).until(ExpectedConditions.invisibilityOfElementLocated(By.id("offline-badge")));
        }
    }
}
