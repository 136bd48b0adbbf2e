package id.antrean.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ways a database going away reaches a request (found by the database-restart drill in bench/) are all a
 * 503 DATABASE_UNAVAILABLE, never a 500.
 */
class DatabaseOutageProblemTest {

    static Stream<Throwable> outages() {
        return Stream.of(
                new ConnectException("Connection refused: localhost/127.0.0.1:5432"),
                ClosedConnectionException.INSTANCE,
                new SocketException("Connection reset"),
                new IOException("Connection reset by peer"),
                new VertxException("Connection is not active now, current status: CLOSED", true),
                new PgException("the database system is shutting down", "FATAL", "57P03", null),
                // A Patroni switchover: the node this connection reached is a replica now (or not yet a primary).
                new PgException("cannot execute INSERT in a read-only transaction", "ERROR", "25006", null),
                new PgException("terminating connection due to administrator command", "FATAL", "57P01", null),
                new PgException("the database system is in recovery mode", "FATAL", "57P03", null),
                new RuntimeException("while issuing", new SocketException("Connection reset")));
    }

    @ParameterizedTest
    @MethodSource("outages")
    void aLostDatabaseConnectionIsA503(Throwable outage) {
        Problem problem = ProblemHandler.toProblem(outage, 500);
        assertThat(problem.code()).isEqualTo(ErrorCode.DATABASE_UNAVAILABLE);
        assertThat(problem.code().status()).isEqualTo(503);
    }

    @Test
    void anotherIoFailureIsADefectNotAnOutage() {
        assertThat(ProblemHandler.toProblem(new IOException("resource print/ticket-58.jasper not found"), 500).code())
                .isEqualTo(ErrorCode.INTERNAL_ERROR);
    }
}
