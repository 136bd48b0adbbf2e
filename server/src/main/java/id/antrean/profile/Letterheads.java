package id.antrean.profile;

import id.antrean.facility.Facility;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/** Reads a facility's {@link Letterhead} from its profile, for the ticket printer. */
public final class Letterheads {
    static final String LETTERHEAD = "SELECT ticket_footer, logo FROM facility WHERE facility_id = $1";

    private final Pool pool;

    public Letterheads(Pool pool) {
        this.pool = pool;
    }

    public Future<Letterhead> of(Facility facility) {
        return pool.preparedQuery(LETTERHEAD).execute(Tuple.of(facility.id())).map(rows -> {
            if (rows.size() == 0) {
                return Letterhead.NONE;
            }
            Row row = rows.iterator().next();
            String footer = row.getString("ticket_footer");
            Buffer logo = row.getBuffer("logo");
            return new Letterhead(footer == null || footer.isBlank() ? null : footer.strip(),
                    logo == null || logo.length() == 0 ? null : logo.getBytes());
        });
    }
}
