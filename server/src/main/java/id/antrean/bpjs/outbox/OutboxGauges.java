package id.antrean.bpjs.outbox;

import id.antrean.metrics.Metrics;
import id.antrean.metrics.Sampler;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;

/**
 * The outbox's backlog (PENDING) and its dead messages (DEAD, refused for good) per facility. One query for every
 * facility (a district may host hundreds), each facility listed even at zero so a dashboard shows it.
 */
public final class OutboxGauges implements Sampler {
    static final String COUNTS = """
            SELECT f.code,
                   count(o.outbox_id) FILTER (WHERE o.status = 'PENDING') AS pending,
                   count(o.outbox_id) FILTER (WHERE o.status = 'DEAD') AS dead
            FROM facility f
            LEFT JOIN bpjs_outbox o ON o.facility_id = f.facility_id AND o.status IN ('PENDING', 'DEAD')
            GROUP BY f.code""";

    private final SqlClient db;
    private final Metrics metrics;

    public OutboxGauges(SqlClient db, Metrics metrics) {
        this.db = db;
        this.metrics = metrics;
    }

    @Override
    public Future<Void> sample() {
        return db.query(COUNTS).execute().map(rows -> {
            for (Row row : rows) {
                String facility = row.getString("code");
                metrics.set(Metrics.OUTBOX_PENDING, "BPJS reports waiting to be sent", facility, row.getLong("pending"));
                metrics.set(Metrics.OUTBOX_DEAD, "BPJS reports refused for good", facility, row.getLong("dead"));
            }
            return null;
        });
    }
}
