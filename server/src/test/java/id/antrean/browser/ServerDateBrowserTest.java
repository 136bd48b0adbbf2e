package id.antrean.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/** A desk PC whose clock is wrong still reckons the facility's day by the server's clock. */
class ServerDateBrowserTest {
    private TestServer server;
    private Browser desk;

    @AfterEach
    void stop() {
        if (desk != null) {
            desk.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theConsolesTodayIsTheFacilitysDayByTheServersClockNotThePcs() {
        // 10 March 2026 17:30 UTC: already 11 March in Makassar (01:30 WITA), whatever this PC's clock says.
        server = TestServer.start(MutableClock.at("2026-03-10T17:30:00Z"));
        HttpResponse<Buffer> facilities = server.anonymous().get("/api/v1/facilities").send().await();
        assertThat(facilities.getHeader("Date")).isEqualTo("Tue, 10 Mar 2026 17:30:00 GMT");

        desk = Browser.desk();
        desk.driver().get("http://localhost:" + server.port() + "/console/");
        Object today = ((JavascriptExecutor) desk.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/assets/dates.js').then(async (dates) => {
                  const before = dates.localDate('Asia/Makassar');
                  const answer = await fetch('/api/v1/facilities');
                  dates.learnServerTime(answer.headers.get('Date'));
                  done([before, dates.localDate('Asia/Makassar'), dates.localDate('Asia/Jakarta')]);
                }).catch((e) => done(String(e)));""");
        assertThat(today).asList().element(1).isEqualTo("2026-03-11");
        assertThat(today).asList().element(2).isEqualTo("2026-03-11");
        // Before learning, the page's own clock: today's real date, not the server's.
        assertThat(today).asList().element(0).isNotEqualTo("2026-03-11");
    }
}
