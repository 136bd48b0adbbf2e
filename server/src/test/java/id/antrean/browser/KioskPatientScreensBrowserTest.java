package id.antrean.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.bpjs.simulator.DemoParticipants;
import id.antrean.kiosk.KioskAgent;
import id.antrean.kiosk.KioskConfig;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the kiosk's screens say and where (issue #16, "the kiosk"): eligibility in three short plain lines, spoken
 * guidance when the facility turns it on, the idle warning clear of what was typed, the camera-off hint readable
 * in portrait, poli names in English, and a printer failure said once.
 */
class KioskPatientScreensBrowserTest {
    // A Wednesday, 08:30 in Makassar: the demo's Poli Umum is open.
    private final MutableClock clock = MutableClock.at("2026-11-25T00:30:00Z");
    /** Capital words a patient may read: acronyms, never a status shouted by BPJS ("TIDAK AKTIF"). */
    private static final Pattern SHOUTED = Pattern.compile("\\b(?!(?:JKN|NIK|BPJS|PBI|OK|II|III)\\b)[A-Z]{3,}\\b");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private TestServer server;
    private KioskAgent kiosk;
    private Browser browser;

    @BeforeEach
    void start() {
        server = TestServer.start(clock);
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

    private void startKiosk(String printer) throws Exception {
        kiosk = KioskAgent.start(KioskConfig.fromEnv(Map.of(
                "PORT", "0", "SERVER_URL", "http://localhost:" + server.port(), "FACILITY", "pkm-demo",
                "DEVICE_TOKEN", TestServer.DEVICE_TOKEN, "PRINTER", printer, "PRINTER_WIDTH", "58")), Clock.systemUTC());
    }

    private void startKiosk() throws Exception {
        startKiosk("pdf:" + Files.createTempDirectory("kiosk-screens"));
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
        // the facility (name, languages, settings) is read once the agent has reached the server
        within(10).until(x -> !x.findElement(By.id("facility-name")).getText().isBlank());
    }

    /** A page area (viewport) of this size: the window's own frame, if any, added. */
    private void viewport(Dimension size) {
        d().manage().window().setSize(size);
        long frameWidth = (Long) browser.script("return window.outerWidth - window.innerWidth;");
        long frameHeight = (Long) browser.script("return window.outerHeight - window.innerHeight;");
        if (frameWidth > 0 || frameHeight > 0) {
            d().manage().window().setSize(new Dimension(size.getWidth() + (int) frameWidth,
                    size.getHeight() + (int) frameHeight));
        }
    }

    private void click(String id) {
        d().findElement(By.id(id)).click();
    }

    private void typeDigits(String digits) {
        for (char c : digits.toCharArray()) {
            d().findElement(By.cssSelector("[data-key='" + c + "']")).click();
        }
    }

    private void checkCard(String card) {
        click("btn-jkn");
        onScreen("identify");
        typeDigits(card);
        d().findElement(By.cssSelector("[data-key='ok']")).click();
        onScreen("eligibility");
    }

    /** Lines the element takes on screen, from its height and line height. */
    private long renderedLines(String id) {
        return (Long) browser.script("const el = document.getElementById(arguments[0]);"
                + "const lh = parseFloat(getComputedStyle(el).lineHeight);"
                + "return Math.round(el.getBoundingClientRect().height / lh);", id);
    }

    private String message() {
        return d().findElement(By.id("eligibility-message")).getText();
    }

    private void assertPlainShortMessage(String card) {
        String text = message();
        assertThat(renderedLines("eligibility-message")).as(card + ": " + text).isBetween(1L, 3L);
        assertThat(ISO_DATE.matcher(text).find()).as(card + ": " + text).isFalse();
        Matcher shouted = SHOUTED.matcher(text);
        assertThat(shouted.find()).as(card + ": " + text).isFalse();
    }

    @Test
    void everyEligibilityAnswerIsAtMostThreePlainLinesWithoutIsoDatesOrShoutedStatus() throws Exception {
        startKiosk();
        // the kiosk's own size (1280x800), where its words wrap soonest
        viewport(new Dimension(1280, 800));
        open();
        for (String card : List.of(DemoParticipants.ACTIVE_HERE, DemoParticipants.ELSEWHERE, DemoParticipants.ARREARS,
                DemoParticipants.PBI_DEACTIVATED, DemoParticipants.NOT_YET_ACTIVE, DemoParticipants.PBI_APBD_ELSEWHERE,
                "0001234567891")) {
            checkCard(card);
            assertPlainShortMessage(card);
            String indonesian = message();
            click("btn-lang");
            within(5).until(x -> !message().equals(indonesian));
            assertPlainShortMessage(card + " (en)");
            click("btn-lang");
            click("btn-eligibility-back");
            onScreen("identify");
            click("btn-identify-back");
            onScreen("welcome");
        }
    }

    @Test
    void aCardNotActiveYetSaysItsStartInLongFormInTheLanguageShown() throws Exception {
        startKiosk();
        open();
        checkCard(DemoParticipants.NOT_YET_ACTIVE);

        // the simulator starts this card 14 days after the facility's today (25 November 2026)
        assertThat(message()).contains("9 Desember 2026").doesNotContain("BELUM AKTIF");
        click("btn-lang");
        within(5).until(x -> message().contains("9 December 2026"));
        assertPlainShortMessage(DemoParticipants.NOT_YET_ACTIVE);
    }

    @Test
    void registeredElsewhereIsInformationNotARefusalAndSaysWhatThePatientCanDoHereToday() throws Exception {
        startKiosk();
        open();
        checkCard(DemoParticipants.ELSEWHERE);

        assertThat(d().findElement(By.id("eligibility-reason")).getDomAttribute("data-reason"))
                .isEqualTo("REGISTERED_ELSEWHERE");
        assertThat(d().findElement(By.cssSelector("#eligibility-reason .icon-no")).isDisplayed()).isFalse();
        assertThat(d().findElement(By.cssSelector("#eligibility-reason .icon-info")).isDisplayed()).isTrue();
        assertThat(message()).contains("Puskesmas Kassi-Kassi").doesNotContain("KASSI")
                .contains("Hari ini Anda bisa berobat di sini sebagai pasien umum");
        WebElement asUmum = d().findElement(By.id("btn-as-umum"));
        assertThat(asUmum.isDisplayed()).isTrue();
        assertThat(asUmum.getDomAttribute("class")).contains("btn-primary");
        assertThat(d().findElement(By.id("btn-continue")).isDisplayed()).isFalse();
        browser.screenshot("kiosk-eligibility-registered-elsewhere");
    }

    private List<String> offeredServices() {
        return d().findElements(By.cssSelector("#services [data-service]")).stream()
                .map(b -> b.getDomAttribute("data-service")).toList();
    }

    private WebElement serviceButton(String code) {
        return d().findElement(By.cssSelector("#services [data-service='" + code + "']"));
    }

    @Test
    void registeredElsewhereWithTheDentalFktpHereIsOfferedPoliGigiAsJknAndGetsAJknTicketThere() throws Exception {
        startKiosk();
        viewport(new Dimension(1280, 800));
        open();
        checkCard(DemoParticipants.DENTAL_HERE);

        assertThat(message()).contains("Puskesmas Kassi-Kassi").contains("Poli Gigi dapat melayani Anda sebagai JKN");
        assertPlainShortMessage(DemoParticipants.DENTAL_HERE);
        String indonesian = message();
        click("btn-lang");
        within(5).until(x -> !message().equals(indonesian));
        assertThat(message()).contains("dental clinic can see you under JKN");
        assertPlainShortMessage(DemoParticipants.DENTAL_HERE + " (en)");
        click("btn-lang");
        assertThat(d().findElement(By.id("btn-continue")).isDisplayed()).isFalse();
        assertThat(d().findElement(By.id("btn-as-umum")).isDisplayed()).isTrue();
        WebElement dentalJkn = d().findElement(By.id("btn-dental-jkn"));
        assertThat(dentalJkn.isDisplayed()).isTrue();
        browser.screenshot("kiosk-eligibility-dental-here");

        dentalJkn.click();
        onScreen("services");
        within(10).until(x -> !offeredServices().isEmpty());
        // only the dental poli is offered under JKN; the others are reached as a paying patient
        assertThat(offeredServices()).containsExactly("GIGI");
        serviceButton("GIGI").click();
        onScreen("ticket");
        assertThat(d().findElement(By.id("ticket-payer")).getDomAttribute("data-payer")).isEqualTo("JKN");
        assertThat(server.count("SELECT count(*) FROM ticket t JOIN service s USING (service_id) WHERE s.code = 'GIGI'"
                + " AND t.payer = 'JKN' AND t.eligibility = 'ACTIVE_HERE'")).isEqualTo(1);
    }

    /** The dental poli's reason is read in full (no ellipsis), inside its button, and no poli runs under "Kembali". */
    private void assertDentalReasonFits(String at) throws java.io.IOException {
        WebElement gigi = serviceButton("GIGI");
        assertThat(gigi.getText()).as(at).contains("Faskes gigi Anda: Klinik Gigi Sehat Makassar");
        assertThat((Boolean) browser.script("const b = arguments[0].getBoundingClientRect();"
                + "const n = arguments[0].querySelector('.svc-name').getBoundingClientRect();"
                + "const meta = arguments[0].querySelector('.svc-meta');"
                + "const m = meta.getBoundingClientRect();"
                + "const back = document.getElementById('btn-services-back').getBoundingClientRect();"
                + "const lowest = Math.max(...[...document.querySelectorAll('#services [data-service]')]"
                + "  .map((e) => e.getBoundingClientRect().bottom));"
                + "return meta.scrollWidth <= meta.clientWidth && n.top >= b.top && m.bottom <= b.bottom"
                + "  && n.bottom <= m.top + 1 && lowest <= back.top + 1;", gigi))
                .as(at + ": " + browser.script("const b = arguments[0].getBoundingClientRect();"
                        + "const back = document.getElementById('btn-services-back').getBoundingClientRect();"
                        + "return JSON.stringify([b.top, b.bottom, back.top, [...document.querySelectorAll("
                        + "'#services [data-service]')].map((e) => e.getBoundingClientRect().bottom)]);", gigi))
                .isTrue();
        browser.screenshot("kiosk-services-dental-elsewhere-" + at);
    }

    @Test
    void registeredHereWithTheDentalFktpElsewhereSeesPoliGigiClosedToJknNamingTheirDentalFktp() throws Exception {
        startKiosk();
        viewport(new Dimension(1280, 800));
        open();
        checkCard(DemoParticipants.DENTAL_ELSEWHERE);
        assertThat(d().findElement(By.id("eligibility-reason")).getDomAttribute("data-reason")).isEqualTo("ACTIVE_HERE");

        click("btn-continue");
        onScreen("services");
        within(10).until(x -> offeredServices().contains("GIGI"));
        WebElement gigi = serviceButton("GIGI");
        assertThat(gigi.isEnabled()).isFalse();
        assertDentalReasonFits("1280x800");
        gigi.click();
        assertThat(d().findElement(By.tagName("body")).getDomAttribute("data-screen")).isEqualTo("services");

        viewport(new Dimension(768, 1366));
        click("btn-services-back");
        onScreen("eligibility");
        click("btn-continue");
        onScreen("services");
        within(10).until(x -> offeredServices().contains("GIGI"));
        assertDentalReasonFits("768x1366");

        WebElement umum = serviceButton("UMUM");
        assertThat(umum.isEnabled()).isTrue();
        umum.click();
        onScreen("ticket");
        assertThat(d().findElement(By.id("ticket-payer")).getDomAttribute("data-payer")).isEqualTo("JKN");
        assertThat(server.count("SELECT count(*) FROM ticket t JOIN service s USING (service_id) WHERE s.code = 'GIGI'"))
                .isZero();
    }

    @Test
    void theIdleWarningNeverCoversWhatThePatientTyped() throws Exception {
        // the shortest idle time an admin may set: the warning comes after 5 seconds untouched
        server.sql("UPDATE facility SET kiosk_idle_seconds = 15 WHERE code = 'pkm-demo'");
        startKiosk();
        for (Dimension size : List.of(new Dimension(1280, 800), new Dimension(768, 1366))) {
            viewport(size);
            open();
            click("btn-jkn");
            onScreen("identify");
            typeDigits("0001234567");

            WebElement warning = d().findElement(By.id("idle-warning"));
            within(15).until(x -> warning.isDisplayed());
            Rectangle typed = d().findElement(By.cssSelector(".typed-box")).getRect();
            assertThat(intersects(warning.getRect(), typed)).as(size + ": warning " + warning.getRect().getY()
                    + "+" + warning.getRect().getHeight() + ", typed at " + typed.getY()).isFalse();
            assertThat(d().findElement(By.id("typed-number")).getText()).isEqualTo("0001 2345 67");
            browser.screenshot("kiosk-idle-warning-" + size.getWidth() + "x" + size.getHeight());
            click("btn-identify-back");
            onScreen("welcome");
        }
    }

    private static boolean intersects(Rectangle a, Rectangle b) {
        return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
                && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
    }

    @Test
    void theCameraOffHintIsReadableInAPortraitWindow() throws Exception {
        startKiosk();
        // 720x1280: a 1080x1920 portrait screen scaled to 150 %
        for (Dimension size : List.of(new Dimension(720, 1280), new Dimension(768, 1366), new Dimension(1080, 1920),
                new Dimension(1280, 800))) {
            viewport(size);
            open();
            click("btn-lang");
            click("btn-jkn");
            onScreen("identify");
            // a headless browser has no camera: the hint shows, here with a wrong number's message as well
            WebElement box = d().findElement(By.id("camera-off"));
            within(5).until(x -> box.isDisplayed());
            typeDigits("12345");
            d().findElement(By.cssSelector("[data-key='ok']")).click();
            within(5).until(x -> x.findElement(By.id("identify-error")).isDisplayed());
            WebElement hint = box.findElement(By.tagName("p"));
            @SuppressWarnings("unchecked")
            Map<String, Object> fit = (Map<String, Object>) browser.script("const p = arguments[0], box = arguments[1];"
                    + "const r = p.getBoundingClientRect(), b = box.getBoundingClientRect();"
                    + "return {overflowX: p.scrollWidth - p.clientWidth, overflowY: p.scrollHeight - p.clientHeight,"
                    + " inside: r.top >= b.top - 1 && r.bottom <= b.bottom + 1 && r.left >= b.left - 1 && r.right <= b.right + 1,"
                    + " onScreen: b.top >= 0 && b.bottom <= innerHeight + 1"
                    + "   && document.getElementById('btn-identify-back').getBoundingClientRect().bottom <= innerHeight + 1,"
                    + " height: r.height, font: parseFloat(getComputedStyle(p).fontSize)};", hint, box);
            browser.screenshot("kiosk-camera-off-" + size.getWidth() + "x" + size.getHeight());
            assertThat(((Number) fit.get("overflowX")).doubleValue()).as(size + " " + fit).isLessThanOrEqualTo(0);
            assertThat(((Number) fit.get("overflowY")).doubleValue()).as(size + " " + fit).isLessThanOrEqualTo(0);
            assertThat(fit.get("inside")).as(size + " " + fit).isEqualTo(true);
            assertThat(fit.get("onScreen")).as(size + " " + fit).isEqualTo(true);
            assertThat(((Number) fit.get("font")).doubleValue()).as(size + " " + fit).isGreaterThanOrEqualTo(28);
            assertThat(hint.getText()).contains("type the number");
            for (String neighbour : List.of("#identify-error", ".typed-box", "#keypad")) {
                Rectangle other = d().findElement(By.cssSelector(neighbour)).getRect();
                assertThat(intersects(box.getRect(), other)).as(size + " " + neighbour).isFalse();
            }
            click("btn-identify-back");
            onScreen("welcome");
        }
    }

    private String poliNames() {
        return d().findElement(By.id("services")).getText();
    }

    @Test
    void poliNamesFollowTheLanguageWhereAnEnglishNameIsSet() throws Exception {
        server.sql("UPDATE service SET name_en = 'General Clinic' WHERE code = 'UMUM'");
        startKiosk();
        open();
        click("btn-umum");
        onScreen("services");
        within(5).until(x -> poliNames().contains("Poli Umum"));
        assertThat(poliNames()).doesNotContain("General Clinic");

        click("btn-lang");
        within(5).until(x -> poliNames().contains("General Clinic"));
        assertThat(poliNames()).doesNotContain("Poli Umum").contains("Poli Gigi");

        d().findElement(By.cssSelector("[data-service='UMUM']")).click();
        onScreen("ticket");
        assertThat(d().findElement(By.id("ticket-service")).getText()).isEqualTo("General Clinic");
    }

    private String clip() {
        return d().findElement(By.tagName("body")).getDomAttribute("data-voice-clip");
    }

    private void clipIs(String name) {
        within(5).until(x -> name.equals(clip()));
    }

    @Test
    void withSpokenGuidanceOnEveryStepAsksForItsIndonesianClip() throws Exception {
        server.sql("UPDATE facility SET kiosk_spoken_guidance = true WHERE code = 'pkm-demo'");
        startKiosk();
        open();
        click("btn-jkn");
        onScreen("identify");
        clipIs("scan-or-type");
        click("btn-identify-back");
        onScreen("welcome");
        clipIs("welcome");
        click("btn-umum");
        onScreen("services");
        clipIs("choose-poli");
        within(5).until(x -> !x.findElements(By.cssSelector("[data-service='UMUM']")).isEmpty());
        d().findElement(By.cssSelector("[data-service='UMUM']")).click();
        onScreen("ticket");
        clipIs("take-ticket");

        // the clips are there to be played: Ogg Vorbis, served by the agent
        for (String name : List.of("welcome", "scan-or-type", "choose-poli", "take-ticket")) {
            Object type = browser.script("return fetch('/voice/' + arguments[0] + '.ogg')"
                    + ".then(r => r.ok ? r.headers.get('content-type') : 'HTTP ' + r.status);", name);
            assertThat(String.valueOf(type)).as(name).startsWith("audio/ogg");
        }
    }

    @Test
    void withSpokenGuidanceOffTheKioskStaysSilent() throws Exception {
        startKiosk();
        open();
        click("btn-jkn");
        onScreen("identify");
        click("btn-identify-back");
        onScreen("welcome");
        click("btn-umum");
        onScreen("services");
        assertThat(clip()).isNull();
    }

    @Test
    void aTicketThePrinterCouldNotPrintSaysEachThingOnce() throws Exception {
        int nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = socket.getLocalPort();
        }
        startKiosk("escpos:tcp://127.0.0.1:" + nobody);
        open();
        click("btn-umum");
        onScreen("services");
        within(5).until(x -> !x.findElements(By.cssSelector("[data-service='UMUM']")).isEmpty());
        d().findElement(By.cssSelector("[data-service='UMUM']")).click();
        onScreen("ticket");

        WebElement problem = d().findElement(By.id("ticket-problem"));
        within(5).until(x -> problem.isDisplayed());
        String screen = d().findElement(By.id("screen-ticket")).getText().replaceAll("\\s+", " ");
        assertThat(screen).contains("A-001").contains("printer");
        assertThat(occurrences(screen.toLowerCase(), "petugas")).as(screen).isEqualTo(1);
        assertThat(occurrences(screen.toLowerCase(), "layar ini")).as(screen).isLessThanOrEqualTo(1);
        List<String> sentences = List.of(screen.split("(?<=[.!?])\\s+"));
        assertThat(sentences).as(screen).doesNotHaveDuplicates();
        browser.screenshot("kiosk-ticket-not-printed");
    }

    private static int occurrences(String text, String word) {
        return text.split(Pattern.quote(word), -1).length - 1;
    }
}
