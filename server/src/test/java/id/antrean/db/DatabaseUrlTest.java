package id.antrean.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void aPostgresqlUrlGivesBothTheReactiveAndTheJdbcConnection() {
        Database db = Database.fromUrl("postgresql://antrean:rahasia@db.local:6543/antrean_prod?sslmode=require");
        assertThat(db.connectOptions().getHost()).isEqualTo("db.local");
        assertThat(db.connectOptions().getPort()).isEqualTo(6543);
        assertThat(db.connectOptions().getDatabase()).isEqualTo("antrean_prod");
        assertThat(db.user()).isEqualTo("antrean");
        assertThat(db.password()).isEqualTo("rahasia");
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:6543/antrean_prod?sslmode=require");
    }
}
