package id.antrean.reports;

import id.antrean.profile.Letterheads;
import id.antrean.facility.FacilityContext;
import id.antrean.facility.Facility;
import id.antrean.web.ErrorCode;
import id.antrean.web.Messages;
import id.antrean.web.Problem;
import id.antrean.web.Responses;
import id.antrean.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The facility's figures for its admin: {@code …/stats?from=&to=} (JSON), {@code …/reports/daily.pdf?date=},
 * {@code …/reports/monthly.pdf?month=yyyy-mm} and {@code …/reports/daily.csv?date=&lang=}. PDFs are rendered on
 * a worker thread.
 */
public final class ReportsHandlers implements Routes {
    static final int MAX_RANGE_DAYS = 366;

    private final Vertx vertx;
    private final Stats stats;
    private final ReportRenderer renderer;
    private final Pool pool;
    private final Letterheads letterheads;
    private final Clock clock;

    /** @param clock tells the day a report is made on: the date above the signature */
    public ReportsHandlers(Vertx vertx, Pool pool, ReportRenderer renderer, Clock clock) {
        this.vertx = vertx;
        this.clock = clock;
        this.pool = pool;
        this.stats = new Stats(pool);
        this.letterheads = new Letterheads(pool);
        this.renderer = renderer;
    }

    public void stats(RoutingContext rc) {
        LocalDate from = date(rc, "from");
        LocalDate to = date(rc, "to");
        if (to.isBefore(from) || from.plusDays(MAX_RANGE_DAYS).isBefore(to)) {
            throw Problem.ofField(ErrorCode.INVALID_FIELD, "to", "to");
        }
        Responses.json(rc, facility(rc).compose(f -> stats.between(f, from, to)));
    }

    public void dailyPdf(RoutingContext rc) {
        LocalDate day = date(rc, "date");
        pdf(rc, "laporan-harian-" + day, facility(rc).compose(f -> Future.all(letterheads.of(f),
                        stats.between(f, day, day))
                .compose(both -> vertx.executeBlocking(() -> renderer.daily(both.resultAt(0), day, f.today(clock),
                        both.resultAt(1)), false))));
    }

    public void monthlyPdf(RoutingContext rc) {
        YearMonth month;
        try {
            month = YearMonth.parse(String.valueOf(rc.queryParams().get("month")));
        } catch (DateTimeParseException e) {
            throw Problem.ofField(ErrorCode.INVALID_FIELD, "month", "month");
        }
        YearMonth m = month;
        pdf(rc, "laporan-bulanan-" + m, facility(rc).compose(f -> Future.all(letterheads.of(f),
                        stats.between(f, m.atDay(1), m.atEndOfMonth()))
                .compose(both -> vertx.executeBlocking(() -> renderer.monthly(both.resultAt(0), m, f.today(clock),
                        both.resultAt(1)), false))));
    }

    /** Every ticket of the day, one line each: for a spreadsheet. No names, no NIK, the card's last four digits. */
    public void dailyCsv(RoutingContext rc) {
        LocalDate day = date(rc, "date");
        Locale locale = language(rc);
        facility(rc).compose(f -> pool.preparedQuery(StatsQueries.TICKETS_OF_DAY).execute(Tuple.of(f.id(), day))
                .map(rows -> Csv.tickets(f, rows, locale)))
                .onSuccess(csv -> rc.response()
                        .putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"antrean-" + day + ".csv\"")
                        .end(csv))
                .onFailure(rc::fail);
    }

    private static void pdf(RoutingContext rc, String name, Future<byte[]> pdf) {
        pdf.onSuccess(bytes -> rc.response()
                        .putHeader("Content-Type", "application/pdf")
                        .putHeader("Content-Disposition", "inline; filename=\"" + name + ".pdf\"")
                        .end(Buffer.buffer(bytes)))
                .onFailure(rc::fail);
    }

    private Future<Facility> facility(RoutingContext rc) {
        return FacilityContext.of(rc);
    }

    /** Indonesian unless {@code lang=en}: one language per file, never a mix. */
    private static Locale language(RoutingContext rc) {
        String lang = rc.queryParams().get("lang");
        if (lang == null || lang.equals("id")) {
            return Messages.INDONESIAN;
        }
        if (lang.equals("en")) {
            return Locale.ENGLISH;
        }
        throw Problem.ofField(ErrorCode.INVALID_FIELD, "lang", "lang");
    }

    private static LocalDate date(RoutingContext rc, String name) {
        String value = rc.queryParams().get(name);
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw Problem.ofField(ErrorCode.INVALID_FIELD, name, name);
        }
    }

    @Override
    public void mount(RouterBuilder contract) {
        contract.getRoute("stats").addHandler(this::stats);
    }

    /** PDF and CSV are not media types the contract validator knows: these are described in the contract's text. */
    @Override
    public void mount(Router router, Vertx vertx) {
        router.get("/api/v1/facilities/:facility/reports/daily.pdf").handler(this::dailyPdf);
        router.get("/api/v1/facilities/:facility/reports/monthly.pdf").handler(this::monthlyPdf);
        router.get("/api/v1/facilities/:facility/reports/daily.csv").handler(this::dailyCsv);
    }
}
