package id.antrean.reports;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * What heads and closes a report as a Dinas Kesehatan receives it: the facility's name, address and logo (kop
 * surat), and who signs it (title, name, NIP). Read from the facility's profile; every part but the name may be
 * unset (null).
 */
public record Letterhead(String name, String address, byte[] logo, String headTitle, String headName, String headNip) {

    static final String QUERY = """
            SELECT name, address, logo, head_title, head_name, head_nip FROM facility WHERE facility_id = $1""";

    static Future<Letterhead> of(Pool pool, long facilityId) {
        return pool.preparedQuery(QUERY).execute(Tuple.of(facilityId)).map(rows -> {
            Row r = rows.iterator().next();
            Buffer logo = r.getBuffer("logo");
            return new Letterhead(r.getString("name"), r.getString("address"), logo == null ? null : logo.getBytes(),
                    r.getString("head_title"), r.getString("head_name"), r.getString("head_nip"));
        });
    }

    /** A NIP as it is printed: in its groups (birth date, appointment month, sex, number), "19800101 200501 1 001". */
    String nipPrinted() {
        if (headNip == null || headNip.length() != 18) {
            return headNip;
        }
        return headNip.substring(0, 8) + " " + headNip.substring(8, 14) + " " + headNip.substring(14, 15) + " "
                + headNip.substring(15);
    }
}
