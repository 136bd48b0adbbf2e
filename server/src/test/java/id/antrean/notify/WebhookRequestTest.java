package id.antrean.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway's template is filled with values escaped for where they go, so no text can break the request. */
class WebhookRequestTest {
    private static final String TEXT = "Antrean A-012: giliran Anda. Silakan ke \"Ruang\" 1 & 2\n{phone}";

    private static NotifySettings settings(String method, String contentType, String template) {
        return new NotifySettings(true, 3, null, method, contentType, template, Map.of("X-Api-Key", "k"), 1);
    }

    @Test
    void aJsonBodyGetsJsonEscapedValuesAndAPlaceholderInTheTextIsNotFilledAgain() {
        WebhookRequest request = WebhookRequest.of(settings("POST", "application/json",
                "{\"to\":\"{phone}\",\"msg\":\"{text}\"}"), "https://gw.example/send", "6281234567890", TEXT);

        JsonObject body = new JsonObject(request.body());
        assertThat(body.getString("to")).isEqualTo("6281234567890");
        assertThat(body.getString("msg")).isEqualTo(TEXT);
        assertThat(request.contentType()).isEqualTo("application/json");
    }

    @Test
    void aFormBodyAndTheUrlGetUrlEncodedValues() {
        WebhookRequest request = WebhookRequest.of(settings("POST", "application/x-www-form-urlencoded",
                "target={phone}&message={text}"), "https://gw.example/send/{phone}?m={text}", "6281234567890", "a b&c");

        assertThat(request.body()).isEqualTo("target=6281234567890&message=a+b%26c");
        assertThat(request.url()).isEqualTo("https://gw.example/send/6281234567890?m=a%20b%26c");
    }

    @Test
    void aGetHasNoBodyAndItsValuesInTheUrl() {
        WebhookRequest request = WebhookRequest.of(settings("GET", "application/json", "{\"x\":\"{text}\"}"),
                "https://sms.example/api?to={phone}&text={text}", "628111111111", "Antrean A-001: giliran Anda.");

        assertThat(request.body()).isNull();
        assertThat(request.url()).isEqualTo("https://sms.example/api?to=628111111111&text=Antrean%20A-001%3A%20giliran%20Anda.");
        assertThat(request.toString()).doesNotContain("628111111111").doesNotContain("k]");
    }

    @Test
    void aPlainTextBodyTakesTheValuesAsTheyAre() {
        WebhookRequest request = WebhookRequest.of(settings("PUT", "text/plain", "{phone}: {text}"),
                "https://gw.example", "628111111111", "a \"b\"");

        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.body()).isEqualTo("628111111111: a \"b\"");
    }

    @Test
    void theSettingsNeverPrintAHeaderValue() {
        NotifySettings s = settings("POST", "application/json", "{}");
        assertThat(s.toString()).contains("X-Api-Key").doesNotContain("=k");
        assertThat(s.toJson(false).getJsonObject("headers").getString("X-Api-Key")).isEqualTo(NotifySettings.MASK);
    }
}
