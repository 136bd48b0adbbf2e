package id.antrean.reports;

import id.antrean.facility.Facility;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.List;

/**
 * A facility's figures over a range of its local days: tickets per service and how they ended, arrivals per
 * hour, waiting and service times (median and 90th percentile), the stages of multi-stage journeys, and the
 * online queue's share day by day. Times are in minutes.
 */
public final class Stats {
    /** Reports BPJS refused for good (the outbox's DEAD messages) about the range's tickets: someone must resend them. */
    static final String BPJS_DEAD = """
            SELECT count(*) AS n FROM bpjs_outbox o
            JOIN ticket t ON t.facility_id = o.facility_id AND t.ticket_id = o.ticket_id
            WHERE o.facility_id = $1 AND o.status = 'DEAD' AND t.service_date BETWEEN $2 AND $3""";

    private final Pool pool;

    public Stats(Pool pool) {
        this.pool = pool;
    }

    public Future<JsonObject> between(Facility facility, LocalDate from, LocalDate to) {
        Tuple range = Tuple.of(facility.id(), from, to);
        Future<JsonArray> outcomes = pool.preparedQuery(StatsQueries.OUTCOMES_PER_SERVICE).execute(range).map(rows -> {
            JsonArray out = new JsonArray();
            for (Row r : rows) {
                out.add(new JsonObject().put("code", r.getString("code")).put("name", r.getString("name"))
                        .put("tickets", r.getLong("tickets")).put("served", r.getLong("served"))
                        .put("skipped", r.getLong("skipped")).put("noShow", r.getLong("no_show"))
                        .put("cancelled", r.getLong("cancelled")).put("transferred", r.getLong("transferred"))
                        .put("online", r.getLong("online")).put("walkIn", r.getLong("walk_in"))
                        .put("jkn", r.getLong("jkn")).put("umum", r.getLong("umum")));
            }
            return out;
        });
        Future<JsonObject> times = pool.preparedQuery(StatsQueries.TIMES_PER_SERVICE).execute(range).map(rows -> {
            JsonObject byCode = new JsonObject();
            for (Row r : rows) {
                byCode.put(r.getString("code"), new JsonObject().put("transferredIn", r.getLong("transferred_in"))
                        .put("wait", new JsonObject().put("median", minutes(r.getDouble("wait_p50")))
                                .put("p90", minutes(r.getDouble("wait_p90"))))
                        .put("service", new JsonObject().put("median", minutes(r.getDouble("service_p50")))
                                .put("p90", minutes(r.getDouble("service_p90")))));
            }
            return byCode;
        });
        Future<JsonArray> hours = pool.preparedQuery(StatsQueries.ARRIVALS_PER_HOUR)
                .execute(Tuple.of(facility.id(), from, to, facility.zone().getId())).map(rows -> {
                    long[] perHour = new long[24];
                    rows.forEach(r -> perHour[r.getInteger("hour")] = r.getLong("tickets"));
                    JsonArray out = new JsonArray();
                    for (int h = 0; h < 24; h++) {
                        out.add(new JsonObject().put("hour", h).put("tickets", perHour[h]));
                    }
                    return out;
                });
        Future<JsonArray> days = pool.preparedQuery(StatsQueries.PER_DAY).execute(range).map(rows -> {
            JsonArray out = new JsonArray();
            for (Row r : rows) {
                long tickets = r.getLong("tickets");
                out.add(new JsonObject().put("date", r.getLocalDate("service_date").toString()).put("tickets", tickets)
                        .put("online", r.getLong("online")).put("walkIn", r.getLong("walk_in")).put("jkn", r.getLong("jkn"))
                        .put("onlineShare", tickets == 0 ? 0.0 : round(100.0 * r.getLong("online") / tickets)));
            }
            return out;
        });
        Future<JsonArray> stages = pool.preparedQuery(StatsQueries.JOURNEY_STAGES).execute(range).map(rows -> {
            JsonArray out = new JsonArray();
            for (Row r : rows) {
                out.add(new JsonObject().put("path", r.getString("path")).put("pathName", r.getString("path_name"))
                        .put("stage", r.getLong("stage") + 1)
                        .put("service", r.getString("service_code")).put("serviceName", r.getString("service_name"))
                        .put("tickets", r.getLong("tickets"))
                        .put("waitMedian", minutes(r.getDouble("wait_p50")))
                        .put("serviceMedian", minutes(r.getDouble("service_p50"))));
            }
            return out;
        });
        Future<Long> bpjsDead = pool.preparedQuery(BPJS_DEAD).execute(range)
                .map(rows -> rows.iterator().next().getLong("n"));
        return Future.all(List.of(outcomes, times, hours, days, stages, bpjsDead)).map(all -> {
            JsonArray perService = new JsonArray();
            JsonObject totals = new JsonObject();
            for (Object o : outcomes.result()) {
                JsonObject service = (JsonObject) o;
                JsonObject t = times.result().getJsonObject(service.getString("code"));
                service.put("transferredIn", t == null ? 0L : t.getLong("transferredIn"))
                        .put("wait", t == null ? null : t.getJsonObject("wait"))
                        .put("service", t == null ? null : t.getJsonObject("service"));
                perService.add(service);
                for (String key : new String[] {"tickets", "served", "skipped", "noShow", "cancelled", "transferred",
                        "transferredIn", "online", "walkIn", "jkn", "umum"}) {
                    totals.put(key, totals.getLong(key, 0L) + service.getLong(key));
                }
            }
            long tickets = totals.getLong("tickets", 0L);
            totals.put("onlineShare", tickets == 0 ? 0.0 : round(100.0 * totals.getLong("online") / tickets));
            totals.put("bpjsDead", bpjsDead.result());
            return new JsonObject()
                    .put("facility", facility.code()).put("facilityName", facility.name())
                    .put("from", from.toString()).put("to", to.toString())
                    .put("totals", totals)
                    .put("perService", perService)
                    .put("perHour", hours.result())
                    .put("perDay", days.result())
                    .put("stages", stages.result());
        });
    }

    private static Double minutes(Double seconds) {
        return seconds == null ? null : round(seconds / 60.0);
    }

    private static double round(double value) {
        return Math.round(value * 10.0) / 10.0;
    }
}
