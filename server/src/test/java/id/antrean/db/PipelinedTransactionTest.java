package id.antrean.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.antrean.testing.CountedPool;
import id.antrean.testing.TestServer;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A transaction whose first statements are sent with its BEGIN: all or nothing as with {@code withTransaction}, one
 * round trip fewer.
 */
class PipelinedTransactionTest {
    private TestServer server;
    private CountedPool wire;
    private Pool pool;

    @BeforeEach
    void start() {
        server = TestServer.start(Clock.systemUTC());
        server.sql("CREATE TABLE pipelined_probe (n int PRIMARY KEY)");
        wire = CountedPool.to(server);
        pool = wire.pool();
    }

    @AfterEach
    void stop() {
        wire.close();
        server.close();
    }

    @Test
    void whatTheWorkWroteIsCommittedWhenItSucceeds() {
        Integer n = PipelinedTransaction.run(pool, tx -> insert(tx, 1).map(v -> 1)).await();

        assertThat(n).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM pipelined_probe")).isEqualTo(1);
    }

    @Test
    void nothingTheWorkWroteStaysWhenALaterStatementFailsAndTheFailureIsTheWorks() {
        assertThatThrownBy(() -> PipelinedTransaction.run(pool, tx -> insert(tx, 1)
                .compose(v -> insert(tx, 1))).await())
                .hasMessageContaining("pipelined_probe_pkey");

        assertThat(server.count("SELECT count(*) FROM pipelined_probe")).isZero();
    }

    @Test
    void nothingTheWorkWroteStaysWhenItFailsOfItsOwn() {
        assertThatThrownBy(() -> PipelinedTransaction.run(pool, tx -> insert(tx, 1)
                .compose(v -> Future.failedFuture(new IllegalStateException("refused")))).await())
                .hasMessage("refused");

        assertThat(server.count("SELECT count(*) FROM pipelined_probe")).isZero();
    }

    @Test
    void theFirstStatementsRunInsideTheTransactionWithoutWaitingForBegin() {
        pool.query("SELECT 1").execute().await();
        wire.take();

        String isolation = PipelinedTransaction.run(pool, tx -> {
            // Only the first statement of a transaction may set its isolation level: sent with BEGIN, it is.
            Future<?> level = tx.query("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE").execute();
            return level.compose(v -> tx.query("SHOW transaction_isolation").execute())
                    .map(rows -> rows.iterator().next().getString(0));
        }).await();

        assertThat(isolation).isEqualTo("serializable");
        // BEGIN with the level; the SHOW; COMMIT. withTransaction waits for BEGIN first: 4.
        assertThat(wire.take()).isEqualTo(3);
    }

    private static Future<Void> insert(io.vertx.sqlclient.SqlConnection tx, int n) {
        return tx.preparedQuery("INSERT INTO pipelined_probe (n) VALUES ($1)").execute(Tuple.of(n)).mapEmpty();
    }
}
