package id.antrean.mobilejkn;

import static id.antrean.mobilejkn.MobileJknCaller.assertAnswer;
import static id.antrean.mobilejkn.MobileJknCaller.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.bpjs.simulator.DemoParticipants;
import id.antrean.bpjs.simulator.SimulatedParticipant;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mobile JKN and the registration desk take numbers of the same poli at the same moment: one sequence, no
 * duplicate, no gap, and one number per participant however often they ask.
 */
class MobileJknConcurrencyTest {
    // Wednesday 25 November 2026, 08:30 in Makassar (WITA).
    private final MutableClock clock = MutableClock.at("2026-11-25T00:30:00Z");
    private static final String TODAY = "2026-11-25";
    private static final int PARTICIPANTS = 200;
    private static final int WALK_INS = 200;
    private TestServer server;
    private WebClient web;
    private MobileJknCaller mobileJkn;

    @BeforeEach
    void start() {
        server = TestServer.start(clock);
        web = WebClient.create(server.clientVertx(),
                new WebClientOptions().setDefaultHost("localhost").setDefaultPort(server.port()),
                new PoolOptions().setHttp1MaxSize(128));
        mobileJkn = new MobileJknCaller(web, MobileJknCaller.BASE);
        server.sql("UPDATE service SET daily_quota = 1000, jkn_quota = 1000 WHERE bpjs_code = '001'");
    }

    @AfterEach
    void stop() {
        web.close();
        server.close();
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void twoHundredBookingsTwiceEachAndTwoHundredWalkInsAtOnceGetExactlyOneTo400() {
        List<String> cards = IntStream.rangeClosed(1, PARTICIPANTS).mapToObj(i -> "%013d".formatted(800_000_000_000L + i))
                .toList();
        Map<String, String> nikOf = new HashMap<>();
        for (int i = 0; i < PARTICIPANTS; i++) {
            String nik = "7371010101900%03d".formatted(i + 1);
            nikOf.put(cards.get(i), nik);
            server.bpjs().put(new SimulatedParticipant(cards.get(i), nik, "PESERTA " + (i + 1), "L",
                    LocalDate.of(1990, 1, 1), true, "AKTIF", LocalDate.of(2014, 1, 1), LocalDate.of(2050, 12, 31),
                    DemoParticipants.DEMO_PROVIDER, DemoParticipants.DEMO_PROVIDER_NAME, "3", "KELAS III", "14",
                    "PEKERJA BUKAN PENERIMA UPAH", 0));
        }
        List<Future<HttpResponse<Buffer>>> registrations = new ArrayList<>();
        cards.forEach(card -> registrations.add(mobileJkn.postLater("/peserta",
                MobileJknPatientTest.newPatient(card, nikOf.get(card)))));
        Future.join(registrations).await();
        assertThat(registrations).allSatisfy(r -> assertThat(r.result().statusCode()).isEqualTo(200));
        assertThat(registrations.stream().map(r -> r.result().bodyAsJsonObject().getJsonObject("response")
                .getString("norm")).distinct()).hasSize(PARTICIPANTS);

        // Every participant asks twice; the desk serves 200 walk-ins; all of it shuffled and sent at once.
        List<Supplier<Future<HttpResponse<Buffer>>>> calls = new ArrayList<>();
        List<String> askedBy = new ArrayList<>();
        for (String card : cards) {
            for (int attempt = 0; attempt < 2; attempt++) {
                calls.add(() -> mobileJkn.postLater("/antrean", MobileJknCaller.booking(card, nikOf.get(card), "001", TODAY)));
                askedBy.add(card);
            }
        }
        for (int i = 0; i < WALK_INS; i++) {
            calls.add(() -> web.post("/api/v1/facilities/pkm-demo/tickets")
                    .putHeader("Authorization", "Bearer " + server.receptionistToken())
                    .putHeader("Idempotency-Key", UUID.randomUUID().toString())
                    .sendJsonObject(new JsonObject().put("service", "UMUM").put("payer", "UMUM")));
            askedBy.add(null);
        }
        List<Integer> order = new ArrayList<>(IntStream.range(0, calls.size()).boxed().toList());
        Collections.shuffle(order, new Random(20261125));
        List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>(Collections.nCopies(calls.size(), null));
        order.forEach(i -> sent.set(i, calls.get(i).get()));
        Future.join(sent).await();

        List<Integer> numbers = new ArrayList<>();
        Map<String, Integer> numbersHeld = new HashMap<>();
        Map<String, Integer> refusals = new HashMap<>();
        for (int i = 0; i < sent.size(); i++) {
            HttpResponse<Buffer> response = sent.get(i).result();
            String card = askedBy.get(i);
            if (card == null) {
                assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
                numbers.add(response.bodyAsJsonObject().getInteger("number"));
            } else if (response.statusCode() == 200) {
                JsonObject booked = response.bodyAsJsonObject().getJsonObject("response");
                assertThat(booked.getString("nomorantrean")).isEqualTo("A-%03d".formatted(booked.getInteger("angkaantrean")));
                numbers.add(booked.getInteger("angkaantrean"));
                numbersHeld.merge(card, 1, Integer::sum);
            } else {
                assertAnswer(response, refusal("Nomor Antrean Hanya Dapat Diambil 1 Kali Pada Tanggal dan Poli Yang Sama"));
                refusals.merge(card, 1, Integer::sum);
            }
        }
        Collections.sort(numbers);
        assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, PARTICIPANTS + WALK_INS).boxed().toList());
        assertThat(numbersHeld).hasSize(PARTICIPANTS).allSatisfy((card, held) -> assertThat(held).isEqualTo(1));
        assertThat(refusals).hasSize(PARTICIPANTS).allSatisfy((card, refused) -> assertThat(refused).isEqualTo(1));

        assertThat(server.count("""
                SELECT count(DISTINCT number) FROM ticket t JOIN service s USING (facility_id)
                WHERE s.service_id = t.home_service_id AND s.bpjs_code = '001' AND t.service_date = '2026-11-25'
                  AND t.number BETWEEN 1 AND 400""")).isEqualTo(400);
        assertThat(server.count("SELECT count(*) FROM ticket WHERE service_date = '2026-11-25'")).isEqualTo(400);
        assertThat(server.count("""
                SELECT count(*) FROM (SELECT card_number FROM ticket WHERE source = 'ONLINE'
                                      GROUP BY card_number HAVING count(*) = 1) once""")).isEqualTo(PARTICIPANTS);
        assertThat(server.count("SELECT max(last_number) FROM queue_day_sequence")).isEqualTo(400);
        // Asking once more, later, changes nothing.
        String first = cards.get(0);
        assertAnswer(mobileJkn.book(first, nikOf.get(first), "001", TODAY),
                refusal("Nomor Antrean Hanya Dapat Diambil 1 Kali Pada Tanggal dan Poli Yang Sama"));
        assertThat(server.count("SELECT max(last_number) FROM queue_day_sequence")).isEqualTo(400);
    }
}
