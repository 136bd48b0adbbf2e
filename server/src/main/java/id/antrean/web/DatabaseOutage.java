package id.antrean.web;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;

/**
 * Whether a failure means the database is away (a 503 to retry), not a defect (a 500). One rule for every
 * surface: the staff API ({@link ProblemHandler}) and the Mobile JKN contract answer an outage alike. The ways
 * an outage reaches a request were found by the database-restart drill in bench/.
 */
public final class DatabaseOutage {
    private DatabaseOutage() {
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // The sockets under a request are the database's (BPJS failures are handled where BPJS is called):
            // a refused, reset or closed one is an outage. Other I/O failures (a file, a template) are defects.
            if (t instanceof ConnectException || t instanceof ClosedConnectionException
                    || t instanceof SocketException || t instanceof ClosedChannelException) {
                return true;
            }
            if (t instanceof IOException io && io.getMessage() != null
                    && (io.getMessage().contains("Connection reset") || io.getMessage().contains("Broken pipe"))) {
                return true;
            }
            if (t instanceof PgException pg && isUnavailableState(pg.getSqlState())) {
                return true;
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("Timeout") && message.contains("connection")
                    || message.contains("Connection refused")
                    || message.contains("Pool closed")
                    || message.contains("Connection is not active now")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailableState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") // connection exception
                || sqlState.equals("25006")                    // read-only: the node became a replica (switchover)
                || sqlState.startsWith("57P")                  // admin shutdown, crash shutdown, cannot connect now
                || sqlState.startsWith("53"));                 // insufficient resources
    }
}
