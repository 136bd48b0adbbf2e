package id.antrean.kiosk.print;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an ESC/POS transport waits, so a dead printer costs the patient seconds, not a frozen kiosk.
 *
 * @param connect     to open the TCP connection
 * @param statusReply for the one-byte answer to {@code DLE EOT 4}; many printers never answer, so keep it short
 * @param send        to hand over the whole job; a printer with its cover open or paper jammed stops reading
 * @param drain       after the job, for the printer to close its side (see {@link TcpEscPosTransport})
 */
record EscPosTimeouts(Duration connect, Duration statusReply, Duration send, Duration drain) {
    static final EscPosTimeouts DEFAULT =
            new EscPosTimeouts(Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(20), Duration.ofSeconds(2));

    EscPosTimeouts {
        for (Duration duration : new Duration[] {connect, statusReply, send, drain}) {
            Objects.requireNonNull(duration, "timeout");
            if (duration.isNegative() || duration.isZero() || duration.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("timeouts must be positive milliseconds: " + duration);
            }
        }
    }

    static int millis(Duration duration) {
        return (int) Math.max(1, duration.toMillis());
    }
}
