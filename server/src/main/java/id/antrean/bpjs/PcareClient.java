package id.antrean.bpjs;

import id.antrean.eligibility.Identity;
import id.antrean.eligibility.Participant;
import id.antrean.eligibility.ParticipantLookup;
import id.antrean.facility.Facility;
import id.antrean.metrics.Metrics;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/**
 * BPJS's primary-care service (PCare): who is this participant? Each call is signed, bounded by the
 * configured timeout (at most 3 s) and goes through a circuit breaker, so a BPJS outage costs patients
 * at most a few seconds once, not at every ticket.
 */
public final class PcareClient implements ParticipantLookup {
    private static final DateTimeFormatter PCARE_DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu");
    static final int MAX_FAILURES = 3;
    static final long RESET_AFTER_MS = 30_000;

    private final Vertx vertx;
    private final BpjsConfigs configs;
    private final WebClient client;
    /** One breaker per BPJS consumer: one facility's refused credentials must not cut off the others. */
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Metrics metrics;

    public PcareClient(Vertx vertx, BpjsConfig config, Clock clock) {
        this(vertx, BpjsConfigs.fixed(config), clock);
    }

    /** Signs each facility's calls with the credentials {@code configs} gives for it. */
    public PcareClient(Vertx vertx, BpjsConfigs configs, Clock clock) {
        this(vertx, configs, clock, Metrics.off());
    }

    /** As above, timing each call to PCare on {@code metrics}. */
    public PcareClient(Vertx vertx, BpjsConfigs configs, Clock clock, Metrics metrics) {
        this.vertx = vertx;
        this.configs = configs;
        this.clock = clock;
        this.client = WebClient.create(vertx);
        this.metrics = metrics;
    }

    /** With the server-wide configuration (no facility's own credentials). */
    public Future<Optional<Participant>> find(Identity identity) {
        return find(null, identity);
    }

    @Override
    public Future<Optional<Participant>> find(Facility facility, Identity identity) {
        String path = identity instanceof Identity.Card
                ? "/peserta/noka/" + identity.value()
                : "/peserta/nik/" + identity.value();
        return configs.of(facility == null ? null : facility.id()).compose(config -> config == null
                ? Future.failedFuture(noCredentials())
                : breaker(config).execute(promise -> BpjsCallTiming.time(metrics, "pcare", () -> get(config, path),
                        found -> "ok").onComplete(promise)));
    }

    /** The eligibility check then asks the facility's roster, as during an outage. */
    static BpjsCallFailed noCredentials() {
        return new BpjsCallFailed(BpjsCallFailed.Kind.UNAUTHORIZED,
                "no BPJS credentials for this facility: an admin enters them on the console");
    }

    private CircuitBreaker breaker(BpjsConfig config) {
        return breakers.computeIfAbsent(config.consId(), consId -> CircuitBreaker.create("bpjs-pcare-" + consId, vertx,
                new CircuitBreakerOptions()
                        .setTimeout(config.timeout().toMillis())
                        .setMaxFailures(MAX_FAILURES)
                        .setResetTimeout(RESET_AFTER_MS)));
    }

    private Future<Optional<Participant>> get(BpjsConfig config, String path) {
        String timestamp = BpjsHeaders.timestamp(clock);
        return client.getAbs(config.pcareBaseUrl() + path)
                .putHeaders(BpjsHeaders.signed(config, config.userKey(), timestamp))
                .timeout(config.timeout().toMillis())
                .send()
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new BpjsProtocolException("PCare answered HTTP " + response.statusCode());
                    }
                    BpjsReply reply = BpjsReply.parse(response.bodyAsString(), config, timestamp);
                    if (reply.code() == 204 || reply.code() == 404
                            || reply.message().toLowerCase(Locale.ROOT).contains("tidak ditemukan")) {
                        return Optional.<Participant>empty();
                    }
                    if (!reply.ok() || reply.object() == null) {
                        throw new BpjsProtocolException("PCare answered code " + reply.code() + ": " + reply.message());
                    }
                    return Optional.of(participant(reply.object()));
                });
    }

    /** A PCare {@code peserta} response; its dates are {@code dd-MM-yyyy}. */
    static Participant participant(JsonObject p) {
        JsonObject provider = p.getJsonObject("kdProviderPst", new JsonObject());
        // BPJS sends the dental FKTP as an object whose fields may be null, or null itself.
        JsonObject dental = p.getValue("kdProviderGigi") instanceof JsonObject d ? d : new JsonObject();
        JsonObject kelas = p.getJsonObject("jnsKelas", new JsonObject());
        JsonObject jenis = p.getJsonObject("jnsPeserta", new JsonObject());
        Object arrears = p.getValue("tunggakan");
        return new Participant(
                p.getString("noKartu"),
                p.getString("nama"),
                Boolean.TRUE.equals(p.getValue("aktif")) || "true".equalsIgnoreCase(String.valueOf(p.getValue("aktif"))),
                p.getString("ketAktif"),
                date(p.getString("tglMulaiAktif")),
                date(p.getString("tglAkhirBerlaku")),
                provider.getString("kdProvider"),
                provider.getString("nmProvider"),
                kelas.getString("kode"),
                kelas.getString("nama"),
                jenis.getString("nama"),
                arrears instanceof Number n ? n.doubleValue() > 0 : isPositive(String.valueOf(arrears)),
                dental.getString("kdProvider"),
                dental.getString("nmProvider"));
    }

    private static boolean isPositive(String value) {
        try {
            return Double.parseDouble(value) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip(), PCARE_DATE);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
