package id.antrean.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo data ({@code DEMO=1}): a puskesmas in Asia/Makassar with its polis and counters. The seed is a
 * plain SQL file whose statements are all idempotent, so it runs at every start.
 */
public final class DemoSeed {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeed.class);
    public static final String FACILITY = "pkm-demo";

    private DemoSeed() {
    }

    public static void apply(Database db) throws SQLException, IOException {
        String sql = resource("db/demo-seed.sql");
        try (Connection c = db.jdbc(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute(sql);
            c.commit();
        }
        LOG.info("Demo data present: facility {}", FACILITY);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DemoSeed.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
