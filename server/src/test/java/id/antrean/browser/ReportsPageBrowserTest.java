package id.antrean.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.mobilejkn.MobileJknCaller;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin's reports tab, in Chromium, over a seeded history (Makassar, Wednesday 25 November 2026, WITA =
 * UTC+8; the same history as {@code ReportsTest} but the JKN patient booked on Mobile JKN and checked in):
 *
 * <pre>
 *  08:00 W1, W2 walk-in UMUM (payer UMUM); G1 walk-in GIGI; O1 booked online for UMUM (JKN)
 *  08:10 W1 called, 08:12 started, 08:20 finished              → UMUM wait 10, service 8
 *  08:25 W2 called, 08:26 started, 08:30 → LAB                 → UMUM wait 25, service 4; transferred
 *  08:40 W2 called at LAB, 08:41 started, 08:50 finished       → LAB wait 10, service 9
 *  09:00 O1 checks in; 09:05 G1 cancelled
 *  09:10 O1 called, 09:11 skipped                              → UMUM wait 10
 * </pre>
 *
 * By hand: 4 tickets (3 walk-in, 1 online: 25 %; 1 JKN: 25 %), 2 served, 1 skipped, 0 no-show, 1 cancelled,
 * 1 transferred. UMUM waits 10, 25, 10 → median 10, p90 10 + 0.8 × 15 = 22; UMUM service 8, 4 → median 6,
 * p90 4 + 0.9 × 4 = 7.6. Arrivals: 3 in the 08 hour, 1 (the check-in) in the 09 hour.
 */
class ReportsPageBrowserTest {
    private static final String DAY = "2026-11-25";

    private final MutableClock clock = MutableClock.at(DAY + "T00:00:00Z");
    private TestServer server;
    private Browser browser;
    private Path downloads;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(clock);
        downloads = Files.createTempDirectory("antrean-downloads");
        browser = Browser.desk();
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        server.close();
        if (downloads != null) {
            try (Stream<Path> files = Files.walk(downloads)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private WebDriver d() {
        return browser.driver();
    }

    private WebDriverWait within(int seconds) {
        WebDriverWait wait = new WebDriverWait(d(), Duration.ofSeconds(seconds));
        wait.pollingEvery(Duration.ofMillis(25));
        return wait;
    }

    private void at(String utcTime) {
        clock.set(Instant.parse(DAY + "T" + utcTime + ":00Z"));
    }

    private void counter(String counter, String action, JsonObject body) {
        var response = server.counter(counter, action, body);
        assertThat(response.statusCode()).as(counter + " " + action + ": " + response.bodyAsString()).isEqualTo(200);
    }

    /** The history above; the labels of W1, W2, G1, O1. */
    private List<String> seed() {
        JsonObject w1 = server.walkIn("UMUM");
        JsonObject w2 = server.walkIn("UMUM");
        JsonObject g1 = server.walkIn("GIGI");
        JsonObject booked = MobileJknCaller.response(
                new MobileJknCaller(server).book("0001234567890", "7371011205580001", "001", DAY));
        long o1 = server.count("SELECT ticket_id FROM ticket WHERE card_number = '0001234567890'");
        at("00:10");
        counter("R-UMUM-1", "call", new JsonObject().put("ticket", w1.getLong("id")));
        at("00:12");
        counter("R-UMUM-1", "start", null);
        at("00:20");
        counter("R-UMUM-1", "finish", null);
        at("00:25");
        counter("R-UMUM-1", "call", new JsonObject().put("ticket", w2.getLong("id")));
        at("00:26");
        counter("R-UMUM-1", "start", null);
        at("00:30");
        counter("R-UMUM-1", "transfer", new JsonObject().put("service", "LAB"));
        at("00:40");
        counter("R-LAB", "call-next", null);
        at("00:41");
        counter("R-LAB", "start", null);
        at("00:50");
        counter("R-LAB", "finish", null);
        at("01:00");
        var checkedIn = server.post("/api/v1/facilities/pkm-demo/tickets/" + o1 + "/check-in", null);
        assertThat(checkedIn.statusCode()).as(checkedIn.bodyAsString()).isEqualTo(200);
        at("01:05");
        counter("R-GIGI", "cancel", new JsonObject().put("ticket", g1.getLong("id")));
        at("01:10");
        counter("R-UMUM-2", "call", new JsonObject().put("ticket", o1));
        at("01:11");
        counter("R-UMUM-2", "skip", null);
        // The admin looks at the figures later that morning.
        at("02:00");
        return List.of(w1.getString("label"), w2.getString("label"), g1.getString("label"),
                booked.getString("nomorantrean"));
    }

    private void logInAsAdminAndOpenReports() {
        d().get("http://localhost:" + server.port() + "/console/");
        within(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-username")));
        d().findElement(By.id("login-username")).sendKeys("admin");
        d().findElement(By.id("login-password")).sendKeys(TestServer.PASSWORD);
        d().findElement(By.id("login-submit")).click();
        within(10).until(ExpectedConditions.elementToBeClickable(By.id("hdr-admin"))).click();
        within(10).until(ExpectedConditions.elementToBeClickable(By.id("tab-btn-reports"))).click();
        within(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("tab-reports")));
    }

    /** Waits until the figures of this range are on the page. */
    private void shown(String from, String to) {
        within(10).until(x -> (from + "/" + to).equals(
                x.findElement(By.id("tab-reports")).getDomAttribute("data-shown")));
    }

    private void chooseRange(String from, String to) {
        browser.script("document.getElementById('reports-from').value = arguments[0];"
                + "document.getElementById('reports-to').value = arguments[1];", from, to);
        d().findElement(By.id("reports-submit")).click();
    }

    private String tile(String kind) {
        return d().findElement(By.cssSelector("#reports-tiles [data-kpi='" + kind + "'] .kpi-value")).getText();
    }

    private String cell(String service, String column) {
        return d().findElement(By.cssSelector("#reports-services [data-service='" + service + "'] [data-col='"
                + column + "']")).getText();
    }

    private String total(String column) {
        return d().findElement(By.cssSelector("#reports-services-total [data-col='" + column + "']")).getText();
    }

    @Test
    void theAdminSeesTheFiguresOfARangeAndDownloadsTheDailyCsvAndPdf() throws Exception {
        List<String> labels = seed();
        logInAsAdminAndOpenReports();

        // By default: today in the facility's zone by the server's clock (not this PC's), the seeded day.
        String today = d().findElement(By.id("reports-from")).getDomProperty("value");
        assertThat(today).isEqualTo(DAY);
        assertThat(d().findElement(By.id("reports-to")).getDomProperty("value")).isEqualTo(today);
        shown(today, today);
        assertThat(d().findElement(By.cssSelector("#reports-quick [data-range='today']")).getDomAttribute("aria-pressed"))
                .isEqualTo("true");

        // "7 hari": the last seven days up to today.
        d().findElement(By.cssSelector("#reports-quick [data-range='week']")).click();
        String weekFrom = LocalDate.parse(today).minusDays(6).toString();
        shown(weekFrom, today);
        assertThat(d().findElement(By.id("reports-from")).getDomProperty("value")).isEqualTo(weekFrom);

        // A day where nothing happened: said so, no empty tiles or charts.
        chooseRange("2026-11-20", "2026-11-20");
        shown("2026-11-20", "2026-11-20");
        assertThat(d().findElement(By.id("reports-empty")).isDisplayed()).isTrue();
        assertThat(d().findElement(By.id("reports-empty")).getText())
                .isEqualTo("Tidak ada nomor antrean dalam rentang tanggal ini.");
        assertThat(d().findElement(By.id("reports-tiles")).isDisplayed()).isFalse();
        assertThat(d().findElement(By.id("reports-charts")).isDisplayed()).isFalse();

        // The seeded day.
        chooseRange(DAY, DAY);
        shown(DAY, DAY);
        assertThat(d().findElement(By.id("reports-heading")).getText()).isEqualTo("Ringkasan Rab, 25 Nov 2026");
        assertThat(d().findElement(By.id("reports-empty")).isDisplayed()).isFalse();
        assertThat(tile("tickets")).isEqualTo("4");
        assertThat(tile("served")).isEqualTo("2");
        assertThat(tile("skipped")).isEqualTo("1");
        assertThat(tile("cancelled")).isEqualTo("1");
        assertThat(tile("online")).isEqualTo("25%");
        assertThat(tile("jkn")).isEqualTo("25%");
        assertThat(d().findElement(By.cssSelector("#reports-tiles [data-kpi='tickets'] .kpi-sub")).getText())
                .isEqualTo("3 datang langsung · 1 online");
        assertThat(d().findElement(By.cssSelector("#reports-tiles [data-kpi='jkn'] .kpi-sub")).getText())
                .isEqualTo("1 JKN · 3 umum");

        assertThat(d().findElement(By.cssSelector("#reports-services [data-service='UMUM'] th")).getText())
                .isEqualTo("Poli Umum");
        assertThat(Stream.of("tickets", "served", "skipped", "noShow", "cancelled", "transferred")
                .map(c -> cell("UMUM", c))).containsExactly("3", "2", "1", "0", "0", "1");
        assertThat(cell("UMUM", "wait")).isEqualTo("10,0 / 22,0");
        assertThat(cell("UMUM", "service")).isEqualTo("6,0 / 7,6");
        assertThat(Stream.of("tickets", "served", "skipped", "noShow", "cancelled", "transferred")
                .map(c -> cell("GIGI", c))).containsExactly("1", "0", "0", "0", "1", "0");
        assertThat(cell("GIGI", "wait")).isEqualTo("–");
        assertThat(cell("LAB", "tickets")).isEqualTo("0");
        // Nobody took a number at the lab, but one patient was sent there: that is whose wait it shows.
        assertThat(cell("LAB", "transferredIn")).isEqualTo("1");
        assertThat(cell("UMUM", "transferredIn")).isEqualTo("0");
        assertThat(total("transferredIn")).isEqualTo("1");
        assertThat(d().findElement(By.cssSelector(".reports-table thead [data-i18n='console.reports.col.transferredIn']"))
                .getText()).isEqualTo("Pindah masuk");
        // A poli nobody queued at shows no wait at all, not 0 minutes.
        assertThat(cell("KIA", "wait")).isEqualTo("–");
        assertThat(cell("KIA", "service")).isEqualTo("–");
        assertThat(cell("LAB", "wait")).isEqualTo("10,0 / 10,0");
        assertThat(cell("LAB", "service")).isEqualTo("9,0 / 9,0");
        assertThat(Stream.of("tickets", "served", "skipped", "noShow", "cancelled", "transferred")
                .map(this::total)).containsExactly("4", "2", "1", "0", "1", "1");

        // The charts: inline SVG with a title, bars per hour, a dot for the day.
        WebElement hourly = d().findElement(By.cssSelector("#reports-hourly svg"));
        assertThat(hourly.getDomAttribute("role")).isEqualTo("img");
        assertThat(d().findElement(By.id("reports-hourly-svg-title")).getDomProperty("textContent"))
                .isEqualTo("Kedatangan per jam, Rab, 25 Nov 2026");
        List<WebElement> bars = hourly.findElements(By.cssSelector("rect.chart-bar"));
        assertThat(bars).isNotEmpty();
        assertThat(bars.stream().filter(b -> !"0".equals(b.getDomAttribute("data-value")))
                .map(b -> b.getDomAttribute("data-hour") + "=" + b.getDomAttribute("data-value")))
                .containsExactly("8=3", "9=1");
        WebElement bar8 = hourly.findElement(By.cssSelector("rect.chart-bar[data-hour='8']"));
        WebElement bar9 = hourly.findElement(By.cssSelector("rect.chart-bar[data-hour='9']"));
        assertThat(bar8.getRect().getHeight()).isGreaterThan(bar9.getRect().getHeight()).isGreaterThan(0);
        WebElement dot = d().findElement(By.cssSelector("#reports-daily svg circle.chart-dot[data-date='" + DAY + "']"));
        assertThat(dot.getDomAttribute("data-value")).isEqualTo("25");
        assertThat(d().findElement(By.id("reports-download-hint")).getText()).contains("Rab, 25 Nov 2026", "November 2026");
        browser.screenshot("admin-reports");
        browser.script("document.getElementById('reports-charts').scrollIntoView()");
        browser.screenshot("admin-reports-charts");

        // "CSV harian": fetched with the token, saved through a Blob as laporan-harian-<from>.csv.
        ((ChromeDriver) d()).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
        d().findElement(By.id("reports-daily-csv")).click();
        Path csv = downloaded("laporan-harian-" + DAY + ".csv");
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFnomor,layanan_awal").contains(labels).doesNotContain("0001234567890");
        assertThat(text.split("\r\n")).hasSize(5);

        // "PDF harian": the same figures, as the head of the puskesmas files them.
        d().findElement(By.id("reports-daily-pdf")).click();
        Path pdfFile = downloaded("laporan-harian-" + DAY + ".pdf");
        try (PDDocument pdf = Loader.loadPDF(pdfFile.toFile())) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains("Laporan harian", "Rabu, 25 November 2026", "Nomor antrean: 4", "dilayani: 2",
                            "Poli Umum 3 2 1 0 0 1 0 10,0 / 22,0 6,0 / 7,6");
        }
    }

    /** Waits for a file the page saved to the download folder, complete (Chromium renames it when done). */
    private Path downloaded(String name) {
        Path file = downloads.resolve(name);
        // Generous: the PDF is rendered (JasperReports) while the whole suite runs beside it.
        new FluentWait<>(file).withTimeout(Duration.ofSeconds(45)).pollingEvery(Duration.ofMillis(50))
                .withMessage("no " + name + " in " + downloads)
                .until(p -> Files.isRegularFile(p) && p.toFile().length() > 0);
        return file;
    }

    @Test
    void aRangeTheServerRefusesShowsItsMessageInTheChosenLanguage() throws Exception {
        logInAsAdminAndOpenReports();
        String today = d().findElement(By.id("reports-from")).getDomProperty("value");
        shown(today, today);

        // The page itself refuses "to" before "from".
        chooseRange(DAY, "2026-11-24");
        within(5).until(ExpectedConditions.visibilityOfElementLocated(By.id("error-banner")));
        assertThat(d().findElement(By.cssSelector("#error-banner .banner-text")).getText())
                .isEqualTo("Tanggal \"sampai\" tidak boleh sebelum tanggal \"dari\".");

        // More than a year: the server's problem, in English once English is chosen.
        d().findElement(By.cssSelector(".lang-btn[data-lang='en']")).click();
        within(5).until(ExpectedConditions.textToBe(By.id("tab-btn-reports"), "Reports"));
        chooseRange("2024-01-01", DAY);
        within(5).until(ExpectedConditions.textToBe(By.cssSelector("#error-banner .banner-text"),
                "Field \"to\" is not valid."));
        assertThat(d().findElement(By.id("reports-heading")).getText()).startsWith("Summary for ");
        browser.screenshot("admin-reports-error-en");
    }
}
