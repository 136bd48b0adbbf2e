package id.antrean.browser;

import static id.antrean.browser.Browser.within;
import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.Eventually;
import id.antrean.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A report BPJS refused for good shows on the console's outbox view with BPJS's reason and a "Kirim ulang" button. */
class OutboxBrowserTest {
    private static final Duration GENEROUS = Duration.ofSeconds(20);
    private TestServer server;
    private Browser desk;

    @BeforeEach
    void start() {
        server = TestServer.start(Clock.systemUTC());
        desk = Browser.desk();
    }

    @AfterEach
    void stop() {
        if (desk != null) {
            desk.close();
        }
        server.close();
    }


    @Test
    void aDeadReportShowsBpjssReasonAndKirimUlangSendsItAgain() throws Exception {
        long ticket = server.issue(new JsonObject().put("service", "UMUM").put("payer", "JKN")
                .put("cardNumber", "0001234567890")).bodyAsJsonObject().getLong("id");
        Eventually.poll(GENEROUS, () -> server.count("SELECT count(*) FROM bpjs_outbox WHERE status = 'SENT'"
                + " AND ticket_id = " + ticket), n -> n == 1);
        // As the worker leaves a report BPJS refused five times.
        server.sql("UPDATE bpjs_outbox SET status = 'DEAD', dead_at = now(), refusals = 5, bpjs_code = 201,"
                + " bpjs_message = 'Poli Tidak Ditemukan', sent_at = NULL WHERE ticket_id = " + ticket);
        long id = server.count("SELECT outbox_id FROM bpjs_outbox WHERE ticket_id = " + ticket);

        WebDriver d = desk.driver();
        d.get("http://localhost:" + server.port() + "/console/");
        within(d, GENEROUS).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-username")));
        d.findElement(By.id("login-username")).sendKeys("resepsionis");
        d.findElement(By.id("login-password")).sendKeys(TestServer.PASSWORD);
        d.findElement(By.id("login-submit")).click();
        within(d, GENEROUS).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#counter-select [data-counter='R-UMUM-1']"))).click();
        within(d, GENEROUS).until(x -> "failed".equals(x.findElement(By.id("bpjs-chip")).getDomAttribute("data-state")));
        assertThat(d.findElement(By.id("bpjs-chip-text")).getText()).contains("1 gagal");

        d.findElement(By.id("bpjs-chip")).click();
        By row = By.cssSelector("#bpjs-items tr[data-outbox-id='" + id + "']");
        WebElement dead = within(d, GENEROUS).until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(dead.getDomAttribute("data-status")).isEqualTo("DEAD");
        assertThat(dead.findElement(By.cssSelector(".outbox-note")).getText())
                .contains("Ditolak BPJS: Poli Tidak Ditemukan (kode 201)");
        WebElement resend = dead.findElement(By.cssSelector("button.outbox-resend"));
        assertThat(resend.getText()).isEqualTo("Kirim ulang");
        desk.screenshot("console-outbox-dead");

        resend.click();

        // BPJS has it already (the first add went through): delivered, not failed again.
        within(d, GENEROUS).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(x -> "SENT".equals(x.findElement(row).getDomAttribute("data-status")));
        assertThat(d.findElements(By.cssSelector("button.outbox-resend"))).isEmpty();
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE action = 'BPJS_OUTBOX_RESENT' AND ticket_id = "
                + ticket)).isEqualTo(1);
    }
}
