package id.antrean.browser;

import static id.antrean.browser.Browser.within;
import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The patient's phone (360×740) follows a ticket from issue to call on its tracking page: each change shows within a
 * second of the desk's answer, also across a dropped connection (the page's node stops and starts again, and the call
 * was made on another node meanwhile).
 */
class TrackPageBrowserTest {
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final Duration GENEROUS = Duration.ofSeconds(15);

    private TestServer server;
    private TestServer other;
    private Browser phone;

    @AfterEach
    void stop() {
        if (phone != null) {
            phone.close();
        }
        if (other != null) {
            other.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private WebDriver d() {
        return phone.driver();
    }

    private String text(String id) {
        return (String) phone.script("const e = document.getElementById(arguments[0]);"
                + " return e && !e.closest('[hidden]') ? e.textContent.trim() : '';", id);
    }

    private String status() {
        return d().findElement(By.tagName("body")).getDomAttribute("data-status");
    }

    private static String codeOf(JsonObject ticket) {
        String url = ticket.getString("trackUrl");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void aPhoneFollowsItsTicketFromIssueToCallWithinASecondOfEachChangeAlsoAfterADroppedConnection() throws Exception {
        Clock clock = Clock.systemUTC();
        server = TestServer.start(clock);
        int port = server.port();
        JsonObject first = server.walkIn("UMUM");
        JsonObject mine = server.walkIn("UMUM");
        phone = Browser.phone();
        d().get("http://localhost:" + port + "/t/" + codeOf(mine));
        within(d(), GENEROUS).until(x -> "live".equals(status()));
        assertThat(phone.script("return [window.innerWidth, window.innerHeight];")).isEqualTo(List.of(360L, 740L));
        // Nothing wider than the phone: no sideways scrolling.
        assertThat(phone.script("return document.documentElement.scrollWidth;")).isEqualTo(360L);
        assertThat(text("label")).isEqualTo(mine.getString("label"));
        assertThat(text("service")).isEqualTo("Poli Umum");
        assertThat(text("ahead")).isEqualTo("1 orang di depan Anda");
        // The queue's own estimate, as the desk saw it at issue.
        assertThat(mine.getInteger("estimatedWaitMinutes")).isPositive();
        assertThat(text("wait")).isEqualTo("± " + mine.getInteger("estimatedWaitMinutes") + " menit");
        assertThat(text("called")).isEmpty();
        phone.screenshot("track-waiting");
        // Vibration is the phone's: count the page's asks.
        phone.script("window.vibrations = []; navigator.vibrate = (p) => { window.vibrations.push(p); return true; };");

        // The page, its scripts and its texts: small, and nothing from elsewhere.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> loaded = (List<Map<String, Object>>) phone.script("""
                return [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
                    .filter(e => !e.name.includes('/events'))
                    .map(e => ({ name: e.name, size: e.decodedBodySize }));""");
        assertThat(loaded).allSatisfy(e -> assertThat((String) e.get("name")).startsWith("http://localhost:" + port + "/"));
        long total = loaded.stream().mapToLong(e -> ((Number) e.get("size")).longValue()).sum();
        assertThat(total).as("bytes of " + loaded).isLessThan(50_000);

        // The one before is called: nobody ahead any more.
        HttpResponse<Buffer> call = server.counter("R-UMUM-1", "call-next", null);
        assertThat(call.bodyAsJsonObject().getString("label")).isEqualTo(first.getString("label"));
        within(d(), ONE_SECOND).until(x -> text("ahead").equals("Anda berikutnya"));

        // Somebody new comes after: nothing changes for this ticket, the page stays live.
        server.walkIn("UMUM");
        assertThat(status()).isEqualTo("live");

        // The page's node stops; the call happens on another node meanwhile; the page's node comes back.
        other = TestServer.startOn(server.databaseUrl(), clock);
        server.stopNode();
        within(d(), GENEROUS).until(x -> "offline".equals(status()));
        HttpResponse<Buffer> called = other.counter("R-UMUM-2", "call-next", null);
        assertThat(called.bodyAsJsonObject().getString("label")).isEqualTo(mine.getString("label"));
        Map<String, String> env = new java.util.HashMap<>(TestServer.env(server.databaseUrl(), true));
        env.put("PORT", Integer.toString(port));
        server.close();
        server = TestServer.start(env, clock);
        within(d(), ONE_SECOND).until(x -> text("called").equals("Giliran Anda! Silakan ke Ruang Periksa Umum 2"));
        assertThat(status()).isEqualTo("live");
        assertThat(text("ahead")).isEmpty();
        assertThat((List<?>) phone.script("return window.vibrations;")).isNotEmpty();
        phone.screenshot("track-called");

        // English on request, from the same bundles.
        d().findElement(By.id("lang-switch")).click();
        within(d(), GENEROUS).until(x -> text("called").equals("Your turn! Please go to Ruang Periksa Umum 2"));
    }
}
