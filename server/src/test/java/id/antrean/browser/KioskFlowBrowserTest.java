package id.antrean.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import id.antrean.kiosk.KioskAgent;
import id.antrean.kiosk.KioskConfig;
import id.antrean.mobilejkn.MobileJknCaller;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The whole kiosk, end to end: Chromium → kiosk agent → server → PostgreSQL, printing into a folder. */
class KioskFlowBrowserTest {
    // A Wednesday, 08:30 in Makassar: the demo's Poli Umum is open and takes bookings for today.
    private final MutableClock clock = MutableClock.at("2026-11-25T00:30:00Z");
    private TestServer server;
    private KioskAgent kiosk;
    private Browser browser;
    private Path printed;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(clock);
        printed = Files.createTempDirectory("kiosk-prints");
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

    private void open() {
        d().get("http://localhost:" + kiosk.port() + "/");
        onScreen("welcome");
    }

    private void type(String digits) {
        for (char c : digits.toCharArray()) {
            d().findElement(By.cssSelector("[data-key='" + c + "']")).click();
        }
        d().findElement(By.cssSelector("[data-key='ok']")).click();
    }

    private String printedText() throws Exception {
        Path pdf = within(10).until(x -> {
            try (Stream<Path> files = Files.list(printed)) {
                return files.filter(f -> f.toString().endsWith(".pdf")).findFirst().orElse(null);
            } catch (Exception e) {
                return null;
            }
        });
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void aJknPatientTypesTheirCardChoosesAPoliAndGetsAPrintedTicketAndComingBackIsOfferedItsReprint() throws Exception {
        open();
        d().findElement(By.id("btn-jkn")).click();
        onScreen("identify");
        type("0001234567890");

        onScreen("eligibility");
        assertThat(d().findElement(By.id("eligibility-reason")).getDomAttribute("data-reason")).isEqualTo("ACTIVE_HERE");
        assertThat(d().findElement(By.id("eligibility-title")).getText()).isEqualTo("Kartu JKN aktif");
        assertThat(d().findElement(By.id("eligibility-message")).getText())
                .contains("Terdaftar di Puskesmas Sejahtera (Demo).");
        d().findElement(By.id("btn-continue")).click();

        onScreen("services");
        within(5).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#services [data-service='GIGI']"))).click();

        onScreen("ticket");
        String label = within(10).until(x -> {
            String text = x.findElement(By.id("ticket-label")).getText();
            return text.matches("B-\\d{3}") ? text : null;
        });
        browser.screenshot("kiosk-ticket");
        // The page's words come from the kiosk's bundles: a missing bundle would leave empty buttons.
        assertThat(d().findElement(By.id("btn-done")).getText()).isEqualTo("Selesai");
        assertThat(printedText()).contains(label, "Poli Gigi", "Puskesmas Sejahtera (Demo)");
        assertThat(server.count("SELECT count(*) FROM ticket WHERE payer = 'JKN' AND eligibility = 'ACTIVE_HERE'"))
                .isEqualTo(1);

        // The same card again, for the same poli (issue #15, point 1): no second number, the first one reprinted.
        d().findElement(By.id("btn-done")).click();
        onScreen("welcome");
        d().findElement(By.id("btn-jkn")).click();
        onScreen("identify");
        type("0001234567890");
        onScreen("eligibility");
        d().findElement(By.id("btn-continue")).click();
        onScreen("services");
        within(5).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#services [data-service='GIGI']"))).click();

        within(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("btn-notice-reprint")));
        assertThat(d().findElement(By.id("notice-title")).getText()).isEqualTo("Nomor Anda sudah ada");
        assertThat(d().findElement(By.id("notice-message")).getText()).startsWith("Anda sudah punya nomor " + label);
        assertThat(d().findElement(By.id("btn-notice-retry")).isDisplayed()).isFalse();
        browser.screenshot("kiosk-already-has-ticket");
        d().findElement(By.id("btn-notice-reprint")).click();

        onScreen("ticket");
        within(10).until(x -> label.equals(x.findElement(By.id("ticket-label")).getText()));
        within(10).until(x -> {
            try (Stream<Path> files = Files.list(printed)) {
                return files.filter(f -> f.toString().endsWith(".pdf")).count() == 2;
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(server.count("SELECT count(*) FROM ticket WHERE payer = 'JKN' AND eligibility = 'ACTIVE_HERE'"))
                .isEqualTo(1);
    }

    @Test
    void theCameraFrameOfADigitalCardIsReadAsThePageWouldSendIt() throws Exception {
        open();
        d().findElement(By.id("btn-jkn")).click();
        onScreen("identify");
        String png = Base64.getEncoder().encodeToString(qrFrame("No. Kartu JKN: 0001234567890"));

        browser.script("""
                const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
                window.antreanKiosk.postFrame(new Blob([bytes], {type: 'image/png'}));""", png);

        onScreen("eligibility");
        assertThat(d().findElement(By.id("eligibility-reason")).getDomAttribute("data-reason")).isEqualTo("ACTIVE_HERE");
    }

    @Test
    void aUsbScannerTypingTheCodeAndEnterIsReadLikeACard() {
        open();
        d().findElement(By.id("btn-jkn")).click();
        onScreen("identify");

        new org.openqa.selenium.interactions.Actions(d()).sendKeys("0009876543210" + org.openqa.selenium.Keys.ENTER).perform();

        onScreen("eligibility");
        assertThat(d().findElement(By.id("eligibility-reason")).getDomAttribute("data-reason"))
                .isEqualTo("REGISTERED_ELSEWHERE");
    }

    @Test
    void aTicketsQrScannedAtTheKioskShowsItsPlaceWhetherItCarriesTheTrackingLinkOrTheOldCode() {
        server.walkIn("UMUM");
        JsonObject ticket = server.walkIn("UMUM");
        for (String qr : List.of(ticket.getString("trackUrl"),
                "ANTREAN:pkm-demo:" + ticket.getLong("id") + ":" + ticket.getString("label"))) {
            open();
            new org.openqa.selenium.interactions.Actions(d()).sendKeys(qr + org.openqa.selenium.Keys.ENTER).perform();
            onScreen("booking");
            assertThat(d().findElement(By.id("booking-label")).getText()).as(qr).isEqualTo(ticket.getString("label"));
            assertThat(d().findElement(By.id("booking-ahead")).getText()).as(qr).isEqualTo("1 orang di depan Anda");
        }
    }

    @Test
    void aPatientWhoBookedOnMobileJknChecksInAtTheKioskGetsTheBookedNumberPrintedAndIsCalledInTurn() throws Exception {
        String before = server.walkIn("UMUM").getString("label");
        JsonObject booked = MobileJknCaller.response(
                new MobileJknCaller(server).book("0001234567890", "7371011205580001", "001", "2026-11-25"));
        String number = booked.getString("nomorantrean");
        assertThat(callNextAtUmum()).as("not here yet: not called").isEqualTo(before);
        String after = server.walkIn("UMUM").getString("label");

        open();
        d().findElement(By.id("btn-jkn")).click();
        onScreen("identify");
        type("0001234567890");
        onScreen("eligibility");
        within(5).until(ExpectedConditions.visibilityOfElementLocated(By.id("eligibility-booking")));
        assertThat(d().findElement(By.id("eligibility-booking-ticket")).getText()).contains(number, "Poli Umum");
        assertThat(d().findElement(By.id("btn-continue")).isDisplayed()).isFalse();
        d().findElement(By.id("btn-checkin")).click();

        onScreen("ticket");
        within(10).until(x -> number.equals(x.findElement(By.id("ticket-label")).getText()));
        assertThat(printedText()).contains(number, "Poli Umum");
        // Here early, he waits for the time he was given (one patient before him, two rooms: 3 minutes), then
        // is called after the walk-in who was already in line; no second number was made.
        clock.advance(Duration.ofMinutes(3));
        assertThat(List.of(callNextAtUmum(), callNextAtUmum())).containsExactly(after, number);
        assertThat(server.count("SELECT count(*) FROM ticket WHERE card_number = '0001234567890'")).isEqualTo(1);
    }

    private String callNextAtUmum() {
        var called = server.counter("R-UMUM-1", "call-next", null);
        assertThat(called.statusCode()).as(called.bodyAsString()).isEqualTo(200);
        return called.bodyAsJsonObject().getString("label");
    }

    @Test
    void aPoliClosedTodayIsNotOfferedAndAWholeClosedFacilitySaysSo() {
        var admin = server.as(server.login("admin"));
        admin.post("/api/v1/facilities/pkm-demo/closures").sendJsonObject(new io.vertx.core.json.JsonObject()
                .put("date", "2026-11-25").put("service", "GIGI").put("reason", "Dokter cuti")).await();
        open();
        d().findElement(By.id("btn-umum")).click();
        onScreen("services");
        within(5).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#services [data-service='UMUM']")));
        assertThat(d().findElements(By.cssSelector("#services [data-service='GIGI']"))).isEmpty();

        admin.post("/api/v1/facilities/pkm-demo/closures").sendJsonObject(new io.vertx.core.json.JsonObject()
                .put("date", "2026-11-25").put("reason", "Libur Nasional")).await();
        open();
        d().findElement(By.id("btn-umum")).click();
        onScreen("services");
        within(5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("services-error"), "Hari ini kami tutup"));
        assertThat(d().findElements(By.cssSelector("#services [data-service]"))).isEmpty();
        assertThat(server.count("SELECT count(*) FROM ticket")).isZero();
    }

    @Test
    void aPayingPatientWithoutACardGetsATicket() throws Exception {
        // Poli Umum has neither history nor a typical time: the kiosk says "—", not a made-up wait.
        server.sql("UPDATE service SET typical_service_minutes = NULL WHERE code = 'UMUM'");
        server.walkIn("UMUM");
        open();
        d().findElement(By.id("btn-umum")).click();
        onScreen("services");
        within(5).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#services [data-service='UMUM'] .svc-meta"), "± — menit"));
        within(5).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#services [data-service='UMUM']"))).click();
        onScreen("ticket");
        String label = within(10).until(x -> {
            String text = x.findElement(By.id("ticket-label")).getText();
            return text.matches("A-\\d{3}") ? text : null;
        });
        assertThat(d().findElement(By.id("ticket-wait")).getText()).isEqualTo("perkiraan —");
        // On paper, no basis is no line at all.
        assertThat(printedText()).contains(label, "Poli Umum", "Pasien UMUM").doesNotContain("Perkiraan");
        assertThat(server.count("SELECT count(*) FROM ticket WHERE payer = 'UMUM'")).isEqualTo(2);
    }

    /**
     * A CI run lost this race: the kiosk rendered its poli list again while the patient's tap was on its way, and
     * the tap landed on a button that was no longer on the page. The same list rendered again keeps its buttons.
     */
    @Test
    void aPoliButtonStaysUnderThePatientsFingerWhenTheSameListIsRenderedAgain() throws Exception {
        open();
        d().findElement(By.id("btn-umum")).click();
        onScreen("services");
        var umum = within(5).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#services [data-service='UMUM']")));

        // The list is read again (the retry button's action), with the same polis in it; the script returns once
        // that answer has come and the page has painted twice since, so its render is done.
        Object reread = ((org.openqa.selenium.JavascriptExecutor) d()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const fetches = () => performance.getEntriesByType('resource')
                    .filter((e) => e.name.includes('/api/services')).length;
                const before = fetches();
                document.getElementById('btn-services-retry').click();
                const wait = () => fetches() > before
                    ? requestAnimationFrame(() => requestAnimationFrame(() => done(true)))
                    : setTimeout(wait, 20);
                wait();""");
        assertThat(reread).isEqualTo(true);

        umum.click();
        onScreen("ticket");
    }

    @Test
    void aPatientWhoSwitchedTheKioskToEnglishGetsTheirTicketPrintedInEnglishOnly() throws Exception {
        open();
        d().findElement(By.id("btn-lang")).click();
        within(5).until(x -> "en".equals(x.findElement(By.tagName("html")).getDomAttribute("lang")));
        d().findElement(By.id("btn-umum")).click();
        onScreen("services");
        within(5).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#services [data-service='UMUM']"))).click();

        onScreen("ticket");
        String label = within(10).until(x -> {
            String text = x.findElement(By.id("ticket-label")).getText();
            return text.matches("A-\\d{3}") ? text : null;
        });
        assertThat(printedText()).contains(label, "QUEUE NUMBER", "Poli Umum", "UMUM (paying) patient",
                        "Scan to see your place in the queue", "Next time, take your number from home")
                .doesNotContain("NOMOR ANTREAN").doesNotContain("Pindai").doesNotContain("Lain kali");
    }

    @Test
    void aPatientWhoNeedsPriorityTapsPrioritasOnThePoliScreenAndTheTicketSaysSo() throws Exception {
        open();
        d().findElement(By.id("btn-umum")).click();
        onScreen("services");
        var offer = d().findElement(By.id("btn-priority"));
        assertThat(offer.getText()).isEqualTo("Prioritas: lansia, disabilitas, ibu hamil");
        assertThat(offer.getDomAttribute("aria-pressed")).isEqualTo("false");
        offer.click();
        within(5).until(x -> "true".equals(x.findElement(By.id("btn-priority")).getDomAttribute("aria-pressed")));
        browser.screenshot("kiosk-priority");
        within(5).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#services [data-service='UMUM']"))).click();

        onScreen("ticket");
        String label = within(10).until(x -> {
            String text = x.findElement(By.id("ticket-label")).getText();
            return text.matches("A-\\d{3}") ? text : null;
        });
        assertThat(printedText()).contains(label, "PRIORITAS", "Poli Umum");
        assertThat(server.count("SELECT count(*) FROM ticket WHERE priority AND label = '" + label + "'")).isEqualTo(1);

        // The next patient starts without it.
        d().findElement(By.id("btn-done")).click();
        onScreen("welcome");
        d().findElement(By.id("btn-umum")).click();
        onScreen("services");
        assertThat(d().findElement(By.id("btn-priority")).getDomAttribute("aria-pressed")).isEqualTo("false");
    }

    @Test
    void aCardRegisteredElsewhereIsRefusedWithItsReasonAndNoTicket() {
        open();
        d().findElement(By.id("btn-jkn")).click();
        onScreen("identify");
        type("0009876543210");

        onScreen("eligibility");
        assertThat(d().findElement(By.id("eligibility-reason")).getDomAttribute("data-reason"))
                .isEqualTo("REGISTERED_ELSEWHERE");
        assertThat(d().findElement(By.id("eligibility-message")).getText()).contains("Puskesmas Kassi-Kassi");
        assertThat(d().findElements(By.id("btn-continue"))).allMatch(e -> !e.isDisplayed());
        assertThat(d().findElement(By.id("btn-as-umum")).isDisplayed()).isTrue();
        assertThat(server.count("SELECT count(*) FROM ticket")).isZero();
    }

    @Test
    void aTypoThatIsNotFoundOffersTypingAgainFirstWithTheDigitsKeptAndPayingSecond() {
        open();
        d().findElement(By.id("btn-jkn")).click();
        onScreen("identify");
        type("0001234567891");

        onScreen("eligibility");
        assertThat(d().findElement(By.id("eligibility-reason")).getDomAttribute("data-reason")).isEqualTo("NOT_FOUND");
        assertThat(d().findElement(By.id("eligibility-title")).getText()).isEqualTo("Data tidak ditemukan");
        WebElement retype = d().findElement(By.id("btn-retype"));
        WebElement asUmum = d().findElement(By.id("btn-as-umum"));
        assertThat(retype.isDisplayed()).isTrue();
        assertThat(retype.getText()).contains("Ketik ulang");
        assertThat(retype.getDomAttribute("class")).contains("btn-primary");
        assertThat(asUmum.isDisplayed()).isTrue();
        assertThat(asUmum.getText()).contains("Daftar sebagai pasien umum");
        assertThat(asUmum.getDomAttribute("class")).contains("is-quiet");
        // The main action sits where every screen puts it: the right end of the actions.
        assertThat(retype.getRect().getX()).isGreaterThan(asUmum.getRect().getX());

        retype.click();
        onScreen("identify");
        assertThat(d().findElement(By.id("typed-number")).getText()).isEqualTo("0001 2345 67891");
        d().findElement(By.cssSelector("[data-key='back']")).click();
        type("0");

        onScreen("eligibility");
        assertThat(d().findElement(By.id("eligibility-reason")).getDomAttribute("data-reason")).isEqualTo("ACTIVE_HERE");
        assertThat(d().findElements(By.id("btn-retype"))).allMatch(e -> !e.isDisplayed());
        assertThat(d().findElement(By.id("btn-continue")).isDisplayed()).isTrue();
        assertThat(server.count("SELECT count(*) FROM ticket")).isZero();
    }

    @Test
    void aWrongNumberIsRefusedBeforeAnyoneIsAsked() {
        open();
        d().findElement(By.id("btn-jkn")).click();
        onScreen("identify");
        type("12345");
        within(5).until(ExpectedConditions.visibilityOfElementLocated(By.id("identify-error")));
        assertThat(d().findElement(By.id("identify-error")).getText()).contains("13");
        assertThat(server.bpjs().received()).isEmpty();
    }

    private static byte[] qrFrame(String text) throws Exception {
        var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 400, 400);
        var image = MatrixToImageWriter.toBufferedImage(matrix);
        var frame = new java.awt.image.BufferedImage(1280, 720, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = frame.createGraphics();
        g.setColor(new java.awt.Color(90, 90, 95));
        g.fillRect(0, 0, 1280, 720);
        g.drawImage(image, 440, 160, null);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(frame, "png", out);
        return out.toByteArray();
    }
}
