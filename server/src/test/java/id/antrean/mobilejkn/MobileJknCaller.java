package id.antrean.mobilejkn;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.auth.DemoAccounts;
import id.antrean.testing.TestServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

/**
 * Mobile JKN as BPJS runs it against the demo facility: it gets a token from {@code /auth} with the demo
 * credentials and sends {@code x-username} + {@code x-token} with every call, as the contract says.
 */
public final class MobileJknCaller {
    static final String BASE = "/mobilejkn/" + TestServer.DEMO;
    static final String USER = DemoAccounts.MOBILEJKN_USER;

    private final WebClient web;
    private final String base;
    private String token;

    public MobileJknCaller(TestServer server) {
        this(server.anonymous(), BASE);
    }

    MobileJknCaller(WebClient web, String base) {
        this.web = web;
        this.base = base;
    }

    /** {@code GET /auth} with these credentials (null leaves a header out). */
    HttpResponse<Buffer> auth(String username, String password) {
        HttpRequest<Buffer> request = web.get(base + "/auth");
        if (username != null) {
            request.putHeader("x-username", username);
        }
        if (password != null) {
            request.putHeader("x-password", password);
        }
        return request.send().await();
    }

    /** A token from {@code /auth} with the demo credentials, taken once. */
    public String token() {
        if (token == null) {
            HttpResponse<Buffer> response = auth(USER, TestServer.PASSWORD);
            assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
            token = response.bodyAsJsonObject().getJsonObject("response").getString("token");
        }
        return token;
    }

    /** Forget the token (the next call takes a new one). */
    public void newToken() {
        token = null;
    }

    HttpResponse<Buffer> get(String path) {
        return request(HttpMethod.GET, path).send().await();
    }

    HttpResponse<Buffer> post(String path, JsonObject body) {
        return request(HttpMethod.POST, path).sendJsonObject(body).await();
    }

    HttpResponse<Buffer> put(String path, JsonObject body) {
        return request(HttpMethod.PUT, path).sendJsonObject(body).await();
    }

    /** A body sent as it is, e.g. malformed JSON. */
    HttpResponse<Buffer> send(HttpMethod method, String path, String body) {
        HttpRequest<Buffer> request = request(method, path).putHeader("Content-Type", "application/json");
        return (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body))).await();
    }

    /** The same call, not waited for: for callers that want many at once. */
    Future<HttpResponse<Buffer>> postLater(String path, JsonObject body) {
        return request(HttpMethod.POST, path).sendJsonObject(body);
    }

    HttpRequest<Buffer> request(HttpMethod method, String path) {
        return web.request(method, base + path).putHeader("x-username", USER).putHeader("x-token", token());
    }

    /** {@code POST /antrean} with the newer body. */
    public HttpResponse<Buffer> book(String card, String nik, String poli, String date) {
        return post("/antrean", booking(card, nik, poli, date));
    }

    /**
     * The newer body, with the doctor and hours the demo's poli has on that weekday (as Mobile JKN takes them from the
     * status call); on a day the demo's week leaves empty (Sunday, a schedule an admin added), the older form without
     * them.
     */
    static JsonObject booking(String card, String nik, String poli, String date) {
        JsonObject body = new JsonObject()
                .put("nomorkartu", card)
                .put("nik", nik)
                .put("nohp", "085612345678")
                .put("kodepoli", poli)
                .put("tanggalperiksa", date)
                .put("keluhan", "demam");
        demoSchedule(poli, date).ifPresent(day -> body.put("kodedokter", day.doctor()).put("jampraktek", day.hours()));
        return body.put("norm", "");
    }

    /** A demo poli's doctor and hours on a weekday, as the demo seed sets them (Fridays close at 11:00). */
    record DemoDay(int doctor, String hours) {
    }

    static java.util.Optional<DemoDay> demoSchedule(String poli, String date) {
        java.time.DayOfWeek day;
        try {
            day = java.time.LocalDate.parse(date).getDayOfWeek();
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
        if (day == java.time.DayOfWeek.SUNDAY) {
            return java.util.Optional.empty();
        }
        String closes = day == java.time.DayOfWeek.FRIDAY ? "11:00" : null;
        return java.util.Optional.ofNullable(switch (poli) {
            case "001" -> new DemoDay(123451, "07:30-" + (closes == null ? "14:00" : closes));
            case "002" -> new DemoDay(123452, "08:00-" + (closes == null ? "12:00" : closes));
            case "003" -> new DemoDay(123453, "07:30-" + (closes == null ? "13:00" : closes));
            default -> null;
        });
    }

    static JsonObject refusal(String message) {
        return failure(201, message);
    }

    static JsonObject failure(int code, String message) {
        return new JsonObject().put("metadata", new JsonObject().put("message", message).put("code", code));
    }

    static JsonObject ok(Object response) {
        return new JsonObject().put("response", response)
                .put("metadata", new JsonObject().put("message", "Ok").put("code", 200));
    }

    static JsonObject ok() {
        return new JsonObject().put("metadata", new JsonObject().put("message", "Ok").put("code", 200));
    }

    /** The whole answer: HTTP status equal to {@code metadata.code}, JSON, and exactly this envelope. */
    static void assertAnswer(HttpResponse<Buffer> response, JsonObject expected) {
        int code = expected.getJsonObject("metadata").getInteger("code");
        assertThat(response.getHeader("Content-Type")).startsWith("application/json");
        assertThat(response.bodyAsJsonObject()).as("HTTP %d %s", response.statusCode(), response.bodyAsString())
                .isEqualTo(expected);
        assertThat(response.statusCode()).isEqualTo(code);
    }

    /** The answer's {@code response} member, after checking the envelope says Ok. */
    public static <T> T response(HttpResponse<Buffer> response) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getJsonObject("metadata")).isEqualTo(new JsonObject().put("message", "Ok").put("code", 200));
        @SuppressWarnings("unchecked")
        T value = (T) body.getValue("response");
        return value;
    }
}
