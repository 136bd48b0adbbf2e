package id.antrean.notify;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.Plans;
import id.antrean.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every call looks for the patients with a number left who are now near their turn (issue #18). Each of them costs
 * the threshold, not the line: before, the people ahead of every such patient were all counted, at every call —
 * 2,300 buffers per call-next at 1,000 waiting in the bench.
 */
class NearNotificationCostTest {
    private static final int WAITING = 120;
    private static final int PHONES = 5;
    private static final int THRESHOLD = 3;
    private final MutableClock clock = MutableClock.at("2026-12-07T01:00:00Z");
    private TestServer server;
    private long facility;

    @BeforeEach
    void start() {
        server = TestServer.start(clock);
        for (int i = 0; i < WAITING; i++) {
            server.walkIn("UMUM");
        }
        facility = server.count("SELECT facility_id FROM facility WHERE code = 'pkm-demo'");
        server.sql("INSERT INTO notify_settings (facility_id, enabled, threshold, body_template, changed_at, changed_by)"
                + " VALUES (" + facility + ", true, " + THRESHOLD + ", '{}', now(), 'test')");
        // The last few in line left a number: each has more than a hundred people before them.
        server.sql("INSERT INTO notify_phone (facility_id, ticket_id, service_date, phone, registered_at)"
                + " SELECT facility_id, ticket_id, service_date, '6281234567890', now() FROM ticket"
                + " WHERE facility_id = " + facility + " ORDER BY queue_order DESC LIMIT " + PHONES);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aLineWhereNobodyLeftANumberReadsNoTicket() {
        server.sql("DELETE FROM notify_phone");

        for (JsonObject plan : plans()) {
            assertThat(Plans.rowsReadFrom(plan, "ticket")).as(plan.encodePrettily()).isZero();
        }
    }

    @Test
    void patientsFarBackInALongLineCostTheThresholdNotTheLine() {
        for (JsonObject plan : plans()) {
            // Of the line before each of them (V20's index of waiting tickets), at most one past the threshold.
            assertThat(Plans.rowsReadThrough(plan, "ticket_waiting_line")).as(plan.encodePrettily())
                    .isLessThanOrEqualTo((long) PHONES * (THRESHOLD + 1));
        }
        assertThat(server.count("SELECT count(*) FROM notify_outbox")).as("nobody near yet").isZero();
    }

    /** The statement's executed plans for the test's line: custom, and generic as a pooled session settles on. */
    private JsonObject[] plans() {
        String[] arguments = {"'2026-12-07T01:00:00Z'::timestamptz", String.valueOf(facility), "'2026-12-07'::date"};
        return new JsonObject[] {server.executedPlan(NotifyOutbox.NEAR_IN_DAY, arguments),
                server.executedGenericPlan(NotifyOutbox.NEAR_IN_DAY, arguments)};
    }
}
