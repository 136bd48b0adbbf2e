package id.antrean.auth;

import id.antrean.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The demo's identities ({@code DEMO=1}): staff {@code admin} (ADMIN) and {@code resepsionis} (RECEPTIONIST)
 * of the demo puskesmas with the password {@code DEMO_PASSWORD}, a kiosk with the token {@code DEMO_DEVICE_TOKEN},
 * a display with its own token {@code DEMO_DISPLAY_TOKEN} (so the display's URL cannot take numbers), and the
 * Mobile JKN user {@code mobilejkn} (password {@code DEMO_PASSWORD}), and the operator {@code operator} (same
 * password), who sees both demo facilities as a district health office would.
 * Set at every start, so the printed values are the ones that work.
 */
public final class DemoAccounts {
    static final String UPSERT_STAFF = """
            INSERT INTO staff (facility_id, username, name, role, password_hash)
            SELECT facility_id, ?, ?, ?, ? FROM facility WHERE code = ?
            ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, active = true""";
    static final String UPDATE_DEVICE = """
            UPDATE device SET token_hash = ?, revoked_at = NULL
            WHERE facility_id = (SELECT facility_id FROM facility WHERE code = ?) AND name = ? AND created_by = 'demo'""";
    static final String INSERT_DEVICE = """
            INSERT INTO device (facility_id, name, kind, token_hash, created_by)
            SELECT facility_id, ?, ?, ?, 'demo' FROM facility WHERE code = ?""";
    static final String UPSERT_MOBILEJKN = """
            INSERT INTO mobilejkn_account (facility_id, username, password_hash)
            SELECT facility_id, ?, ? FROM facility WHERE code = ?
            ON CONFLICT (facility_id) DO UPDATE SET username = EXCLUDED.username, password_hash = EXCLUDED.password_hash""";
    static final String UPSERT_OPERATOR = """
            INSERT INTO operator (username, name, password_hash) VALUES (?, ?, ?)
            ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, active = true""";
    public static final String MOBILEJKN_USER = "mobilejkn";
    /** The demo's operator: a district's view of both demo facilities. */
    public static final String OPERATOR_USER = "operator";

    private DemoAccounts() {
    }

    public static void ensure(Database db, String facility, AuthConfig config) throws SQLException {
        Passwords passwords = new Passwords(config.bcryptCost());
        try (Connection c = db.jdbc()) {
            c.setAutoCommit(false);
            staff(c, facility, "admin", "Admin Demo", "ADMIN", passwords.hash(config.demoPassword()));
            staff(c, facility, "resepsionis", "Resepsionis Demo", "RECEPTIONIST", passwords.hash(config.demoPassword()));
            device(c, facility, "Kiosk Demo", "KIOSK", Tokens.hash(config.demoDeviceToken()));
            device(c, facility, "Display Demo", "DISPLAY", Tokens.hash(config.demoDisplayToken()));
            mobileJkn(c, facility, passwords.hash(config.demoPassword()));
            operator(c, passwords.hash(config.demoPassword()));
            c.commit();
        }
    }

    private static void staff(Connection c, String facility, String username, String name, String role, String hash)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPSERT_STAFF)) {
            s.setString(1, username);
            s.setString(2, name);
            s.setString(3, role);
            s.setString(4, hash);
            s.setString(5, facility);
            s.executeUpdate();
        }
    }

    private static void operator(Connection c, String hash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPSERT_OPERATOR)) {
            s.setString(1, OPERATOR_USER);
            s.setString(2, "Operator Dinas Kesehatan (Demo)");
            s.setString(3, hash);
            s.executeUpdate();
        }
    }

    private static void mobileJkn(Connection c, String facility, String hash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPSERT_MOBILEJKN)) {
            s.setString(1, MOBILEJKN_USER);
            s.setString(2, hash);
            s.setString(3, facility);
            s.executeUpdate();
        }
    }

    private static void device(Connection c, String facility, String name, String kind, String tokenHash)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement(UPDATE_DEVICE)) {
            update.setString(1, tokenHash);
            update.setString(2, facility);
            update.setString(3, name);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement(INSERT_DEVICE)) {
            insert.setString(1, name);
            insert.setString(2, kind);
            insert.setString(3, tokenHash);
            insert.setString(4, facility);
            insert.executeUpdate();
        }
    }
}
