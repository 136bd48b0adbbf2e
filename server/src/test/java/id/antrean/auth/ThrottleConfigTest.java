package id.antrean.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThrottleConfigTest {

    @Test
    void defaultsFitAFacilityAndABusyKiosk() {
        ThrottleConfig config = ThrottleConfig.fromEnv(Map.of());

        assertThat(config.loginFailuresPerAccount()).isEqualTo(5);
        assertThat(config.loginFailuresPerAddress()).isEqualTo(20);
        assertThat(config.bcryptThreads()).isBetween(1, 2);
        assertThat(config.bcryptQueue()).isEqualTo(8);
        assertThat(config.deviceRateLimit()).isEqualTo(120);
    }

    @Test
    void zeroTurnsALimitOffAndABadValueIsRefusedWithItsName() {
        ThrottleConfig off = ThrottleConfig.fromEnv(Map.of("LOGIN_FAILURES_PER_ACCOUNT", "0",
                "LOGIN_FAILURES_PER_ADDRESS", "0", "DEVICE_RATE_LIMIT", "0", "BCRYPT_THREADS", "4", "BCRYPT_QUEUE", "0"));
        assertThat(off).isEqualTo(new ThrottleConfig(0, 0, 4, 0, 0));

        assertThatThrownBy(() -> ThrottleConfig.fromEnv(Map.of("BCRYPT_THREADS", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BCRYPT_THREADS");
        assertThatThrownBy(() -> ThrottleConfig.fromEnv(Map.of("DEVICE_RATE_LIMIT", "banyak")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DEVICE_RATE_LIMIT");
    }
}
