package id.antrean.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.antrean.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A restart against a schema that already holds exactly the migrations of the jar skips Flyway, whose start-up
 * was a good part of the server's (issue #18); anything else still goes through Flyway, which migrates or refuses.
 */
class SchemaUpToDateTest {

    @Test
    void theChecksumsOfTheMigrationsAreTheOnesFlywayRecorded() throws SQLException {
        Database db = Database.fromUrl(TestPostgres.newDatabaseUrl());
        Migrations.apply(db);

        Map<String, Integer> recorded = new HashMap<>();
        try (Connection c = db.jdbc(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT script, checksum FROM flyway_schema_history")) {
            while (r.next()) {
                recorded.put(r.getString(1), r.getInt(2));
            }
        }

        assertThat(SchemaUpToDate.migrationsOnClassPath()).isEqualTo(recorded).isNotEmpty();
    }

    @Test
    void aMigratedSchemaIsUpToDateAtItsLastVersion() throws SQLException {
        Database db = Database.fromUrl(TestPostgres.newDatabaseUrl());
        Migrations.apply(db);

        assertThat(SchemaUpToDate.version(db)).contains(lastVersion(db));
    }

    @Test
    void anEmptyDatabaseIsNotUpToDateAndIsMigrated() throws SQLException {
        Database db = Database.fromUrl(TestPostgres.newDatabaseUrl());

        assertThat(SchemaUpToDate.version(db)).isEmpty();
        Migrations.apply(db);
        assertThat(SchemaUpToDate.version(db)).isPresent();
    }

    @Test
    void aMigrationMissingFromTheHistoryIsNotUpToDate() throws SQLException {
        Database db = Database.fromUrl(TestPostgres.newDatabaseUrl());
        Migrations.applyUpTo(db, "3");

        assertThat(SchemaUpToDate.version(db)).isEmpty();
    }

    @Test
    void anEditedMigrationIsNotUpToDateAndFlywayStillRefusesIt() throws SQLException {
        Database db = Database.fromUrl(TestPostgres.newDatabaseUrl());
        Migrations.apply(db);
        execute(db, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");

        assertThat(SchemaUpToDate.version(db)).isEmpty();
        assertThatThrownBy(() -> Migrations.apply(db)).hasMessageContaining("checksum");
    }

    private static String lastVersion(Database db) throws SQLException {
        try (Connection c = db.jdbc(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT version FROM flyway_schema_history ORDER BY installed_rank DESC LIMIT 1")) {
            r.next();
            return r.getString(1);
        }
    }

    private static void execute(Database db, String sql) throws SQLException {
        try (Connection c = db.jdbc(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
