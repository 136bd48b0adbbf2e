package id.antrean.profile;

import id.antrean.facility.Facility;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/** Reads a facility's {@link Letterhead} from its profile, for the ticket printer and the reports. */
public final class Letterheads {
    static final String LETTERHEAD = """
            SELECT name, address, logo, ticket_footer, head_title, head_name, head_nip
            FROM facility WHERE facility_id = $1""";

    private final Pool pool;

    public Letterheads(Pool pool) {
        this.pool = pool;
    }

    public Future<Letterhead> of(Facility facility) {
        return pool.preparedQuery(LETTERHEAD).execute(Tuple.of(facility.id())).map(rows -> {
            Row row = rows.iterator().next();
            Buffer logo = row.getBuffer("logo");
            return new Letterhead(row.getString("name"), row.getString("address"),
                    logo == null || logo.length() == 0 ? null : logo.getBytes(), text(row, "ticket_footer"),
                    row.getString("head_title"), row.getString("head_name"), row.getString("head_nip"));
        });
    }

    private static String text(Row row, String column) {
        String value = row.getString(column);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
