package id.antrean.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigTest {

    @Test
    void defaultsRunOnPort8080WithAnEmbeddedDatabaseInDotData() {
        AppConfig config = AppConfig.fromEnv(Map.of());
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.databaseUrl()).isNull();
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.demo()).isFalse();
    }

    @Test
    void theEnvironmentOverridesEverySetting() {
        AppConfig config = AppConfig.fromEnv(Map.of("PORT", "9000", "DATABASE_URL", "postgresql://u:p@db:5432/antrean",
                "DATA_DIR", "/var/lib/antrean", "DEMO", "1", "DB_POOL_SIZE", "32", "HTTP_INSTANCES", "4"));
        assertThat(config.port()).isEqualTo(9000);
        assertThat(config.databaseUrl()).isEqualTo("postgresql://u:p@db:5432/antrean");
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/antrean"));
        assertThat(config.demo()).isTrue();
        assertThat(config.dbPoolSize()).isEqualTo(32);
        assertThat(config.httpInstances()).isEqualTo(4);
        assertThat(config.bpjs()).isNull();
    }

    @Test
    void aBadNumberIsRefusedWithItsName() {
        assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("PORT", "eighty")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PORT");
        assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("PORT", "70000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PORT");
    }

    @Test
    void connectionLimitsHaveDefaultsAndComeFromTheEnvironment() {
        assertThat(AppConfig.fromEnv(Map.of()).http()).isEqualTo(new id.antrean.web.http.HttpLimits(75, 10, 200));
        assertThat(AppConfig.fromEnv(Map.of("HTTP_IDLE_TIMEOUT_SECONDS", "30", "HTTP_HEADER_TIMEOUT_SECONDS", "5",
                "HTTP_CONNECTIONS_PER_ADDRESS", "0")).http()).isEqualTo(new id.antrean.web.http.HttpLimits(30, 5, 0));
        assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("HTTP_HEADER_TIMEOUT_SECONDS", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HTTP_HEADER_TIMEOUT_SECONDS");
        assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("HTTP_CONNECTIONS_PER_ADDRESS", "many")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HTTP_CONNECTIONS_PER_ADDRESS");
    }
}
