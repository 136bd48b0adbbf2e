package id.antrean.queue;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestPostgres;
import id.antrean.testing.TestServer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issuance is one statement of some 4,700 characters, planned by PostgreSQL in several milliseconds. The client's
 * statement cache took only statements under 2,048 characters (Vert.x's default), so every issuance prepared and
 * planned it again: 5 ms of PostgreSQL's CPU per ticket in the bench, more than the statement's execution and most
 * of the gap to pgbench's ceiling (issue #18). A node's sessions keep it prepared, so PostgreSQL plans it a few
 * times per connection and then reuses its generic plan.
 */
class IssuanceStatementPlanTest {
    private static final int ISSUANCES = 8;
    private final MutableClock clock = MutableClock.at("2026-12-07T01:00:00Z");
    private TestServer server;

    @BeforeEach
    void start() {
        // One connection: every request runs on the session whose prepared statements the test reads.
        Map<String, String> env = TestServer.env(TestPostgres.newDatabaseUrl(), true);
        env.put("DB_POOL_SIZE", "1");
        server = TestServer.start(env, clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theIssueStatementIsPreparedOnceAPooledSessionAndItsPlanReused() {
        for (int i = 0; i < ISSUANCES; i++) {
            server.walkIn("UMUM");
        }

        List<Row> prepared = server.pool()
                .preparedQuery("SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = $1")
                .execute(Tuple.of(TicketIssuer.ISSUE)).await().stream().toList();

        assertThat(prepared).as("the issue statement among the session's prepared statements").hasSize(1);
        Row issue = prepared.getFirst();
        assertThat(issue.getLong("generic_plans") + issue.getLong("custom_plans")).isEqualTo(ISSUANCES);
        // PostgreSQL tries five custom plans, then keeps the generic one when it costs no more.
        assertThat(issue.getLong("custom_plans")).isLessThanOrEqualTo(5);
    }
}
