package id.antrean.mobilejkn;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import io.vertx.core.VertxException;
import io.vertx.core.json.JsonObject;
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
 * Mobile JKN answers a database outage as the staff API does (web.DatabaseOutage): "try again later", never
 * "an error at the facility". Connection resets and SQLSTATE class 53 used to slip through here.
 */
class MobileJknOutageTest {

    static Stream<Throwable> outages() {
        return Stream.of(
                new ConnectException("Connection refused: localhost/127.0.0.1:5432"),
                ClosedConnectionException.INSTANCE,
                new SocketException("Connection reset"),
                new IOException("Connection reset by peer"),
                new VertxException("Connection is not active now, current status: CLOSED", true),
                new PgException("the database system is shutting down", "FATAL", "57P03", null),
                new PgException("sorry, too many clients already", "FATAL", "53300", null),
                new PgException("out of memory", "ERROR", "53200", null),
                new RuntimeException("while booking", new SocketException("Connection reset")),
                new RuntimeException("while booking", Problem.of(ErrorCode.DATABASE_UNAVAILABLE)));
    }

    @ParameterizedTest
    @MethodSource("outages")
    void aLostDatabaseIsTryAgainLater(Throwable outage) {
        JsonObject metadata = MobileJkn.toEnvelope(outage).getJsonObject("metadata");
        assertThat(metadata.getString("message")).isEqualTo(ContractMessages.UNAVAILABLE);
    }

    @Test
    void anotherFailureIsAnErrorAtTheFacility() {
        JsonObject metadata = MobileJkn.toEnvelope(new IOException("resource print/ticket-58.jasper not found"))
                .getJsonObject("metadata");
        assertThat(metadata.getString("message")).isEqualTo(ContractMessages.INTERNAL_ERROR);
    }
}
