package id.antrean.setup;

import id.antrean.auth.Tokens;
import id.antrean.db.Database;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;

/**
 * The one-time code that lets whoever reads the server's start message create the first operator. Made at start
 * while no operator exists: random (printed), or {@code SETUP_CODE} for automation (not printed: they have it).
 * The database keeps only its hash, so every node accepts it, and once.
 */
public final class SetupCode {
    /** No 0/O, 1/I/L: read off a screen and typed by hand. */
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    static final String ANY_OPERATOR = "SELECT EXISTS (SELECT 1 FROM operator)";
    static final String OFFER = """
            INSERT INTO setup_code (code_hash) VALUES (?)
            ON CONFLICT (only_one) DO UPDATE SET code_hash = EXCLUDED.code_hash, created_at = now(), spent_at = NULL""";

    /** A code on offer: its value, and whether it came from {@code SETUP_CODE} (then it is not printed). */
    public record Offer(String code, boolean fromEnvironment) {
        @Override
        public String toString() {
            return "Offer[fromEnvironment=" + fromEnvironment + "]";
        }
    }

    private SetupCode() {
    }

    /**
     * Puts a setup code on offer when no operator exists yet; empty once one does (nothing to print). Each start
     * before the setup offers a new random code (only its hash is kept, so an old one could not be printed again);
     * with several nodes, set {@code SETUP_CODE} so they all offer the same one.
     */
    public static Optional<Offer> prepare(Database db, String configured) throws SQLException {
        try (Connection c = db.jdbc()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // Nodes starting together: one offers at a time.
                s.execute("LOCK TABLE setup_code IN EXCLUSIVE MODE");
                try (ResultSet rs = s.executeQuery(ANY_OPERATOR)) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        c.commit();
                        return Optional.empty();
                    }
                }
            }
            Offer offer = configured == null || configured.isBlank()
                    ? new Offer(random(), false) : new Offer(configured.strip(), true);
            try (PreparedStatement s = c.prepareStatement(OFFER)) {
                s.setString(1, hash(offer.code()));
                s.executeUpdate();
            }
            c.commit();
            return Optional.of(offer);
        }
    }

    /** As people type it: case, spaces and dashes do not matter. */
    static String normalize(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    static String hash(String code) {
        return Tokens.hash("setup:" + normalize(code));
    }

    static String random() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
