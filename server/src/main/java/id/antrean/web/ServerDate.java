package id.antrean.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Every API answer carries the server's time in its {@code Date} header. A front desk PC whose clock is off (a flat
 * CMOS battery is common) would otherwise close, report or audit the wrong day: the pages reckon "today" in the
 * facility's zone from the server's time (assets/dates.js), not from their own clock.
 */
public final class ServerDate implements Handler<RoutingContext> {
    private final Clock clock;

    public ServerDate(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext rc) {
        rc.response().putHeader(HttpHeaders.DATE,
                DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(ZoneOffset.UTC)));
        rc.next();
    }
}
