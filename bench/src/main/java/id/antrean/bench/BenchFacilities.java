package id.antrean.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * Many facilities for the load benchmarks: {@code bench-001} … each with five polis (S1–S5, prefixes A–E),
 * a room per poli and a kiosk whose token is {@link #kioskToken(int)}. Written straight into the schema the
 * server migrated, as an admin's set-up would leave it.
 */
public final class BenchFacilities {
    public static final int POLIS = 5;
    private static final String[] ZONES = {"Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"};

    private BenchFacilities() {
    }

    public static String code(int facility) {
        return "bench-%03d".formatted(facility);
    }

    public static String poli(int poli) {
        return "S" + poli;
    }

    public static String kioskToken(int facility) {
        return "bench-kiosk-token-%03d-abcdefghijklmnop".formatted(facility);
    }

    /** Creates facilities 1..count (idempotent). */
    public static void seed(Postgres db, int count) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            for (int f = 1; f <= count; f++) {
                seedOne(c, f);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void seedOne(Connection c, int f) throws SQLException {
        String code = code(f);
        try (PreparedStatement facility = c.prepareStatement("""
                INSERT INTO facility (code, name, time_zone) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING""")) {
            facility.setString(1, code);
            facility.setString(2, "Puskesmas Bench " + f);
            facility.setString(3, ZONES[f % ZONES.length]);
            facility.executeUpdate();
        }
        for (int p = 1; p <= POLIS; p++) {
            try (PreparedStatement service = c.prepareStatement("""
                    INSERT INTO service (facility_id, code, name, prefix, sort_order)
                    SELECT facility_id, ?, ?, ?, ? FROM facility WHERE code = ?
                    ON CONFLICT (facility_id, code) DO NOTHING""");
                 PreparedStatement counter = c.prepareStatement("""
                    INSERT INTO counter (facility_id, code, name, sort_order)
                    SELECT facility_id, ?, ?, ? FROM facility WHERE code = ?
                    ON CONFLICT (facility_id, code) DO NOTHING""");
                 PreparedStatement serves = c.prepareStatement("""
                    INSERT INTO counter_service (facility_id, counter_id, service_id)
                    SELECT f.facility_id, c.counter_id, s.service_id
                    FROM facility f JOIN counter c USING (facility_id) JOIN service s USING (facility_id)
                    WHERE f.code = ? AND c.code = ? AND s.code = ?
                    ON CONFLICT DO NOTHING""")) {
                service.setString(1, poli(p));
                service.setString(2, "Poli " + p);
                service.setString(3, String.valueOf((char) ('A' + p - 1)));
                service.setInt(4, p);
                service.setString(5, code);
                service.executeUpdate();
                counter.setString(1, "R" + p);
                counter.setString(2, "Ruang " + p);
                counter.setInt(3, p);
                counter.setString(4, code);
                counter.executeUpdate();
                serves.setString(1, code);
                serves.setString(2, "R" + p);
                serves.setString(3, poli(p));
                serves.executeUpdate();
            }
        }
        try (PreparedStatement device = c.prepareStatement("""
                INSERT INTO device (facility_id, name, kind, token_hash)
                SELECT facility_id, 'Kiosk bench', 'KIOSK', ? FROM facility f WHERE code = ?
                  AND NOT EXISTS (SELECT 1 FROM device d WHERE d.facility_id = f.facility_id)""")) {
            device.setString(1, sha256(kioskToken(f)));
            device.setString(2, code);
            device.executeUpdate();
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
