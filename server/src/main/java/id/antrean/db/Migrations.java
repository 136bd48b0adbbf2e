package id.antrean.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies the schema from the {@code sql/} module ({@code classpath:db/migration}) with Flyway. */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    /**
     * Applies the migrations up to {@code version} only: the schema a backup was taken at, before its rows are loaded
     * (the next start applies the rest).
     */
    public static void applyUpTo(Database db, String version) {
        Flyway.configure()
                .dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations("classpath:db/migration")
                .target(org.flywaydb.core.api.MigrationVersion.fromVersion(version))
                .load()
                .migrate();
    }

    public static void apply(Database db) {
        MigrateResult result = Flyway.configure()
                .dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info("Schema at version {} ({} migration(s) applied now)",
                result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                result.migrationsExecuted);
    }
}
