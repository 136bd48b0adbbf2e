package id.antrean.queue;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.bpjs.simulator.DemoParticipants;
import id.antrean.bpjs.simulator.SimulatedParticipant;
import id.antrean.mobilejkn.MobileJknCaller;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue #15, point 1: one open number per person (card or NIK) per service per day, at the kiosk and at the desk. */
class OneOpenTicketPerPersonTest {
    // Wednesday 25 November 2026, 08:30 in Makassar (WITA): Poli Umum is open, Mobile JKN books for today.
    private static final MutableClock CLOCK = MutableClock.at("2026-11-25T00:30:00Z");
    private static final AtomicLong PEOPLE = new AtomicLong();
    private static TestServer server;
    private static WebClient kiosk;

    /** A JKN participant of the demo facility, known to the BPJS simulator by card and NIK. */
    private record Person(String card, String nik) {
        JsonObject byCard(String service) {
            return new JsonObject().put("service", service).put("payer", "JKN").put("cardNumber", card);
        }

        JsonObject byNik(String service) {
            return new JsonObject().put("service", service).put("payer", "JKN").put("nik", nik);
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(CLOCK);
        kiosk = server.as(TestServer.DEVICE_TOKEN);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Person newPerson() {
        long n = PEOPLE.incrementAndGet();
        Person person = new Person("%013d".formatted(810_000_000_000L + n), "7371010101910%03d".formatted(n));
        server.bpjs().put(new SimulatedParticipant(person.card(), person.nik(), "PESERTA " + n, "P",
                LocalDate.of(1991, 1, 1), true, "AKTIF", LocalDate.of(2014, 1, 1), LocalDate.of(2050, 12, 31),
                DemoParticipants.DEMO_PROVIDER, DemoParticipants.DEMO_PROVIDER_NAME, "3", "KELAS III", "14",
                "PEKERJA BUKAN PENERIMA UPAH", 0));
        return person;
    }

    private static HttpResponse<Buffer> issue(WebClient by, JsonObject body) {
        return issue(by, body, UUID.randomUUID().toString());
    }

    private static HttpResponse<Buffer> issue(WebClient by, JsonObject body, String key) {
        return by.post("/api/v1/facilities/pkm-demo/tickets").putHeader("Idempotency-Key", key)
                .sendJsonObject(body).await();
    }

    private static long ticketsOf(Person person) {
        return server.count("SELECT count(*) FROM ticket WHERE card_number = '" + person.card() + "' OR nik = '"
                + person.nik() + "'");
    }

    private static void assertRefusedWith(HttpResponse<Buffer> response, JsonObject held) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(409);
        assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
        JsonObject problem = response.bodyAsJsonObject();
        assertThat(problem.getString("code")).isEqualTo("ALREADY_HAS_TICKET");
        assertThat(problem.getJsonObject("message").getString("id"))
                .startsWith("Anda sudah punya nomor " + held.getString("label"));
        assertThat(problem.getJsonObject("ticket").getLong("id")).isEqualTo(held.getLong("id"));
        assertThat(problem.getJsonObject("ticket").getString("label")).isEqualTo(held.getString("label"));
    }

    @Test
    void theSameCardAtTheKioskTwiceInOneServiceIsRefusedWithTheTicketItHolds() {
        Person person = newPerson();
        JsonObject first = issue(kiosk, person.byCard("UMUM")).bodyAsJsonObject();
        long outbox = server.count("SELECT count(*) FROM bpjs_outbox");

        HttpResponse<Buffer> again = issue(kiosk, person.byCard("UMUM"));

        assertRefusedWith(again, first);
        assertThat(again.bodyAsString()).doesNotContain(person.card());
        assertThat(ticketsOf(person)).isEqualTo(1);
        // The refusal gave its number back: the next patient gets the next one, and BPJS heard of no duplicate.
        assertThat(server.count("SELECT count(*) FROM bpjs_outbox")).isEqualTo(outbox);
        int next = server.walkIn("UMUM").getInteger("number");
        assertThat(server.count("SELECT max(number) FROM ticket t JOIN service s USING (facility_id, service_id) "
                + "WHERE s.code = 'UMUM'")).isEqualTo(next);
    }

    @Test
    void theNikOfAPersonWhoTookANumberByCardIsRefusedAndTheOtherWayRound() {
        Person byCardFirst = newPerson();
        JsonObject held = issue(kiosk, byCardFirst.byCard("GIGI")).bodyAsJsonObject();
        assertRefusedWith(issue(server.client(), byCardFirst.byNik("GIGI")), held);

        Person byNikFirst = newPerson();
        JsonObject heldByNik = issue(server.client(), byNikFirst.byNik("GIGI")).bodyAsJsonObject();
        assertRefusedWith(issue(kiosk, byNikFirst.byCard("GIGI")), heldByNik);

        assertThat(ticketsOf(byCardFirst)).isEqualTo(1);
        assertThat(ticketsOf(byNikFirst)).isEqualTo(1);
    }

    @Test
    void anotherServiceTheSameDayIsAllowed() {
        Person person = newPerson();
        assertThat(issue(kiosk, person.byCard("UMUM")).statusCode()).isEqualTo(201);

        HttpResponse<Buffer> lab = issue(kiosk, person.byNik("LAB"));

        assertThat(lab.statusCode()).as(lab.bodyAsString()).isEqualTo(201);
        assertThat(lab.bodyAsJsonObject().getString("label")).startsWith("D-");
    }

    @Test
    void aNumberThatIsDoneOrCancelledNoLongerCounts() {
        Person person = newPerson();
        long first = issue(server.client(), person.byCard("KIA")).bodyAsJsonObject().getLong("id");
        server.sql("UPDATE ticket SET status = 'CANCELLED' WHERE ticket_id = " + first);

        assertThat(issue(kiosk, person.byCard("KIA")).statusCode()).isEqualTo(201);
    }

    @Test
    void retryingTheSameRequestWithItsIdempotencyKeyStillAnswersTheSameTicket() {
        Person person = newPerson();
        String key = UUID.randomUUID().toString();
        HttpResponse<Buffer> first = issue(kiosk, person.byCard("APOTEK"), key);

        HttpResponse<Buffer> retry = issue(kiosk, person.byCard("APOTEK"), key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).as(retry.bodyAsString()).isEqualTo(200);
        assertThat(retry.bodyAsJsonObject().getLong("id")).isEqualTo(first.bodyAsJsonObject().getLong("id"));
        assertThat(ticketsOf(person)).isEqualTo(1);
    }

    @Test
    void twoKiosksAtOnceForTheSamePersonGiveExactlyOneTicket() {
        Person person = newPerson();
        List<Future<HttpResponse<Buffer>>> attempts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            JsonObject body = i % 2 == 0 ? person.byCard("UMUM") : person.byNik("UMUM");
            attempts.add(kiosk.post("/api/v1/facilities/pkm-demo/tickets")
                    .putHeader("Idempotency-Key", UUID.randomUUID().toString()).sendJsonObject(body));
        }
        Future.join(attempts).await();

        assertThat(attempts).extracting(a -> a.result().statusCode()).containsOnly(201, 409);
        assertThat(attempts).filteredOn(a -> a.result().statusCode() == 201).hasSize(1);
        JsonObject issued = attempts.stream().filter(a -> a.result().statusCode() == 201).findFirst().orElseThrow()
                .result().bodyAsJsonObject();
        attempts.stream().filter(a -> a.result().statusCode() == 409)
                .forEach(a -> assertRefusedWith(a.result(), issued));
        assertThat(ticketsOf(person)).isEqualTo(1);
    }

    @Test
    void theDeskMayIssueASecondNumberWithAReasonWhichIsAuditedAndNotReportedToBpjs() {
        Person person = newPerson();
        JsonObject first = issue(kiosk, person.byCard("GIGI")).bodyAsJsonObject();

        HttpResponse<Buffer> second = issue(server.client(),
                person.byCard("GIGI").put("duplicateReason", "Nomor pertama hilang, pasien lansia"));

        assertThat(second.statusCode()).as(second.bodyAsString()).isEqualTo(201);
        long id = second.bodyAsJsonObject().getLong("id");
        assertThat(server.count("""
                SELECT count(*) FROM audit_log WHERE action = 'TICKET_DUPLICATE_ISSUED' AND ticket_id = %d
                  AND actor_kind = 'STAFF' AND actor_name = 'resepsionis'
                  AND details->'after'->>'reason' = 'Nomor pertama hilang, pasien lansia'
                  AND (details->'before'->>'ticket')::bigint = %d""".formatted(id, first.getLong("id"))))
                .isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM bpjs_outbox WHERE ticket_id = " + id)).isZero();
        assertThat(server.count("SELECT count(*) FROM bpjs_outbox WHERE ticket_id = " + first.getLong("id")))
                .isEqualTo(1);
    }

    @Test
    void aKioskCannotGiveASecondNumberWithAReason() {
        Person person = newPerson();
        issue(kiosk, person.byCard("KIA"));

        HttpResponse<Buffer> refused = issue(kiosk, person.byCard("KIA").put("duplicateReason", "saya mau dua"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("DUPLICATE_REASON_STAFF_ONLY");
        assertThat(ticketsOf(person)).isEqualTo(1);
    }

    @Test
    void aCheckedInOnlinePatientWhoScansAgainIsShownTheirBookedNumber() {
        MobileJknCaller mobileJkn = new MobileJknCaller(server);
        String budi = DemoParticipants.ACTIVE_HERE;
        assertThat(mobileJkn.book(budi, "7371011205580001", "001", "2026-11-25").statusCode()).isEqualTo(200);
        long booked = server.count("SELECT ticket_id FROM ticket WHERE source = 'ONLINE' AND card_number = '" + budi + "'");
        assertThat(server.post("/api/v1/facilities/pkm-demo/tickets/" + booked + "/check-in", null).statusCode())
                .isEqualTo(200);

        HttpResponse<Buffer> scanned = issue(kiosk, new JsonObject().put("service", "UMUM").put("payer", "JKN")
                .put("nik", "7371011205580001"));

        assertThat(scanned.statusCode()).as(scanned.bodyAsString()).isEqualTo(409);
        assertThat(scanned.bodyAsJsonObject().getJsonObject("ticket").getLong("id")).isEqualTo(booked);
        assertThat(scanned.bodyAsJsonObject().getJsonObject("ticket").getString("status")).isEqualTo("WAITING");
    }
}
