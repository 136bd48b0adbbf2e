package id.antrean.db;

import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the schema from the {@code sql/} module ({@code classpath:db/migration}) with Flyway; a schema that
 * already holds exactly these migrations is left alone without starting Flyway ({@link SchemaUpToDate}).
 */
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
        Optional<String> upToDate = SchemaUpToDate.version(db);
        if (upToDate.isPresent()) {
            LOG.info("Schema at version {} (0 migration(s) applied now)", upToDate.get());
            return;
        }
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
