package id.antrean.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole go-live, in Chromium on a 1366x768 laptop, from an empty data directory (the embedded PostgreSQL, no
 * demo, as a puskesmas PC's first start): the district's operator
 * completes the setup with the printed code and creates the facility; on the settings page they add the facility's
 * admin and a receptionist, two polis (one with its Monday hours), close the dental poli for today, and add a room; the facility's admin registers a kiosk
 * on the admin page; a patient takes a number through the API with that kiosk's token; the receptionist logs in and
 * calls it. Nothing is done with SQL.
 */
class GoLiveBrowserTest {
    private static final Duration GENEROUS = Duration.ofSeconds(20);
    private static final String OPERATOR_PASSWORD = "Sulawesi-Selatan-2026";
    private static final String ADMIN_PASSWORD = "kopi-tubruk-di-pagi-hari";
    private static final String DESK_PASSWORD = "antre-dengan-tertib-7";

    private WebDriver d;
    private WebDriverWait wait;

    private WebElement visible(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void type(String id, String text) {
        WebElement input = visible(id);
        input.clear();
        input.sendKeys(text);
    }

    private void tab(String name) {
        visible("tab-btn-" + name).click();
        visible("tab-" + name);
    }

    private void present(String css) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** Logs in on the staff console's own page (after forgetting the previous session of this tab). */
    private void consoleLogin(String base, String username, String password) {
        // Forgotten on a page of the same origin that never redirects (the console sends an operator onwards).
        d.get(base + "/console/setup");
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("sessionStorage.clear();");
        d.get(base + "/console/");
        type("login-username", username);
        type("login-password", password);
        d.findElement(By.id("login-submit")).click();
    }

    @TempDir
    Path dataDir;

    @Test
    void anEmptyServerIsSetUpInTheBrowserAndItsFirstPatientIsCalled() throws Exception {
        // Monday 7 December 2026, 09:00 in Makassar (WITA); the embedded PostgreSQL in an empty data directory.
        try (TestServer server = TestServer.startEmbeddedEmpty(dataDir, MutableClock.at("2026-12-07T01:00:00Z"));
             Browser browser = Browser.laptop()) {
            String base = "http://localhost:" + server.port();
            d = browser.driver();
            wait = new WebDriverWait(d, GENEROUS);

            // 1. The setup code printed at the first start makes the operator, who creates the facility.
            d.get(base + "/console/setup");
            type("setup-code", server.setupCode());
            type("op-username", "dinkes");
            type("op-name", "Dinas Kesehatan Kota Makassar");
            type("op-password", OPERATOR_PASSWORD);
            d.findElement(By.id("operator-submit")).click();
            type("login-password", OPERATOR_PASSWORD);
            d.findElement(By.id("login-submit")).click();
            type("fac-code", "pkm-baru");
            type("fac-name", "Puskesmas Baru");
            new Select(visible("fac-zone")).selectByValue("Asia/Makassar");
            d.findElement(By.id("facility-submit")).click();
            visible("to-settings").click();

            // 2. On the settings page, the operator sets the new facility up.
            wait.until(ExpectedConditions.textToBe(By.id("hdr-facility"), "Puskesmas Baru"));
            assertThat(new Select(d.findElement(By.id("facility-select"))).getFirstSelectedOption().getDomAttribute("value"))
                    .isEqualTo("pkm-baru");
            tab("staff");
            addStaff("admin.baru", "Andi Admin", "ADMIN", ADMIN_PASSWORD);
            addStaff("loket.baru", "Sitti Loket", "RECEPTIONIST", DESK_PASSWORD);

            tab("services");
            addService("UMUM", "Poli Umum", "General Clinic", "A", "001");
            waitFor("SELECT count(*) FROM service WHERE code = 'UMUM' AND name_en = 'General Clinic'", server);
            // After saving, the service is open for editing with its week: Monday 07:30-12:00.
            visible("schedule-panel");
            WebElement monday = d.findElement(By.cssSelector("#schedule-body tr[data-weekday='1']"));
            monday.findElement(By.className("day-open")).click();
            browser.script("arguments[0].value = '07:30'; arguments[1].value = '12:00';",
                    monday.findElement(By.className("day-opens")), monday.findElement(By.className("day-closes")));
            type("sc-daily", "80");
            type("sc-jkn", "30");
            d.findElement(By.cssSelector("#schedule-form button[type=submit]")).click();
            waitFor("SELECT count(*) FROM service_schedule s JOIN service v USING (facility_id, service_id)"
                    + " WHERE v.code = 'UMUM' AND s.weekday = 1 AND s.opens_at = '07:30'", server);
            d.findElement(By.id("service-new")).click();
            addService("GIGI", "Poli Gigi", null, "B", "002");

            // The dentist is away today: one tap closes Poli Gigi for the day.
            tab("closures");
            type("closure-today-reason", "Dokter gigi cuti");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#closure-today [data-service='GIGI']"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("closures-body"), "Dokter gigi cuti"));
            assertThat(server.count("SELECT count(*) FROM closure c JOIN service s USING (facility_id, service_id)"
                    + " WHERE s.code = 'GIGI' AND c.closed_on = '2026-12-07' AND c.reason = 'Dokter gigi cuti'")).isEqualTo(1);

            tab("rooms");
            d.findElement(By.id("room-new")).click();
            type("rm-code", "R-UMUM");
            type("rm-name", "Ruang Periksa Umum");
            type("rm-spoken", "Ruang Umum");
            d.findElement(By.cssSelector("#room-services input[value='UMUM']")).click();
            d.findElement(By.cssSelector("#room-form button[type=submit]")).click();
            present("#rooms-body tr[data-counter='R-UMUM']");
            browser.screenshot("go-live-settings");

            // Priority patients (elderly, disabled, pregnant) take turns: at most two in a row while others wait.
            tab("profile");
            wait.until(x -> "Puskesmas Baru".equals(x.findElement(By.id("pf-name")).getDomProperty("value")));
            Select priority = new Select(visible("pf-priority-mode"));
            assertThat(priority.getFirstSelectedOption().getText()).isEqualTo("Bergantian dengan pasien lain");
            assertThat(d.findElement(By.id("pf-priority-run")).getDomProperty("value")).isEqualTo("3");
            type("pf-priority-run", "2");
            d.findElement(By.cssSelector("#profile-form button[type=submit]")).click();
            waitFor("SELECT count(*) FROM facility WHERE code = 'pkm-baru' AND priority_order = 'interleave:2'", server);

            // 3. The facility's own admin registers the kiosk and reads its token once.
            consoleLogin(base, "admin.baru", ADMIN_PASSWORD);
            visible("hdr-admin");
            d.get(base + "/console/admin.html#devices");
            type("device-name", "Kios Lobi");
            new Select(visible("device-kind")).selectByValue("KIOSK");
            d.findElement(By.id("device-submit")).click();
            String kioskToken = wait.until(x -> {
                String value = x.findElement(By.id("device-token")).getDomProperty("value");
                return value == null || value.isEmpty() ? null : value;
            });

            // 4. A patient takes a number at that kiosk (its agent calls the API with the kiosk's token).
            HttpResponse<Buffer> issued = server.as(kioskToken).post("/api/v1/facilities/pkm-baru/tickets")
                    .putHeader("Idempotency-Key", "go-live-first-patient")
                    .sendJsonObject(new JsonObject().put("service", "UMUM").put("payer", "UMUM")).await();
            assertThat(issued.statusCode()).as(issued.bodyAsString()).isEqualTo(201);
            String label = issued.bodyAsJsonObject().getString("label");
            assertThat(label).isEqualTo("A-001");

            // 5. The receptionist logs in, takes the room, and calls the patient.
            consoleLogin(base, "loket.baru", DESK_PASSWORD);
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#counter-select [data-counter='R-UMUM']"))).click();
            present("#waiting [data-label='" + label + "']");
            visible("btn-call-next").click();
            wait.until(ExpectedConditions.textToBe(By.id("current-label"), label));
            browser.screenshot("go-live-first-call");

            // The operator, logging in at the console, is taken to the settings of every facility.
            consoleLogin(base, "dinkes", OPERATOR_PASSWORD);
            wait.until(ExpectedConditions.urlContains("/console/settings.html"));
            visible("operator-bar");
            wait.until(ExpectedConditions.textToBe(By.id("hdr-facility"), "Puskesmas Baru"));
            // ... and from there to the facility's kiosks and screens, which its admin registered.
            d.findElement(By.cssSelector("a[data-admin-tab='devices']")).click();
            wait.until(ExpectedConditions.urlContains("/console/admin.html?facility=pkm-baru"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("devices"), "Kios Lobi"));

            assertThat(server.count("SELECT count(*) FROM ticket t JOIN counter c USING (facility_id, counter_id)"
                    + " WHERE t.label = 'A-001' AND t.status = 'CALLED' AND c.code = 'R-UMUM'")).isEqualTo(1);
            assertThat(server.count("SELECT count(*) FROM staff WHERE username IN ('admin.baru', 'loket.baru')"))
                    .isEqualTo(2);
            assertThat(server.count("SELECT count(*) FROM service s JOIN facility f USING (facility_id)"
                    + " WHERE f.code = 'pkm-baru' AND s.code IN ('UMUM', 'GIGI')")).isEqualTo(2);
        }
    }

    private void addStaff(String username, String name, String role, String password) {
        type("st-username", username);
        type("st-name", name);
        new Select(visible("st-role")).selectByValue(role);
        type("st-password", password);
        d.findElement(By.cssSelector("#staff-form button[type=submit]")).click();
        present("#staff-body tr[data-staff='" + username + "']");
    }

    private void addService(String code, String name, String nameEn, String prefix, String bpjsCode) {
        type("sv-code", code);
        type("sv-name", name);
        if (nameEn != null) {
            type("sv-name-en", nameEn);
        }
        type("sv-prefix", prefix);
        type("sv-bpjs", bpjsCode);
        d.findElement(By.cssSelector("#service-form button[type=submit]")).click();
        present("#services-body tr[data-service='" + code + "']");
    }

    private void waitFor(String countSql, TestServer server) {
        wait.until(x -> server.count(countSql) == 1);
    }
}
