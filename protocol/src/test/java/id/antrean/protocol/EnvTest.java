package id.antrean.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvTest {

    @Test
    void blankIsUnsetAndValuesAreStripped() {
        Map<String, String> env = Map.of("A", "  ", "B", " value ", "N", " 42 ");
        assertThat(Env.text(env, "A")).isNull();
        assertThat(Env.text(env, "MISSING")).isNull();
        assertThat(Env.text(env, "A", "fallback")).isEqualTo("fallback");
        assertThat(Env.text(env, "B")).isEqualTo("value");
        assertThat(Env.integer(env, "N", 7, 0, 100)).isEqualTo(42);
        assertThat(Env.integer(env, "A", 7, 0, 100)).isEqualTo(7);
        assertThat(Env.longInteger(env, "N", 7, "")).isEqualTo(42L);
    }

    @Test
    void aNumberOutOfRangeOrNotANumberNamesTheVariable() {
        assertThatThrownBy(() -> Env.integer(Map.of("PORT", "70000"), "PORT", 8080, 0, 65535))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PORT must be between 0 and 65535, not 70000");
        assertThatThrownBy(() -> Env.integer(Map.of("PORT", "eighty"), "PORT", 8080))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PORT must be a whole number, not eighty");
        assertThatThrownBy(() -> Env.longInteger(Map.of("T", "1.5"), "T", 3000, " of milliseconds"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("T must be a whole number of milliseconds, not 1.5");
    }

    @Test
    void aRequiredValueNamesTheVariableAndWhenItIsNeeded() {
        assertThat(Env.required(Map.of("URL", " http://x "), "URL")).isEqualTo("http://x");
        assertThatThrownBy(() -> Env.required(Map.of("URL", " "), "URL"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("URL is required");
        assertThatThrownBy(() -> Env.required(Map.of(), "KEY", " when BASE is set"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("KEY is required when BASE is set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "true", "TRUE", " True "})
    void aFlagIsOnWithOneOrTrue(String value) {
        assertThat(Env.flag(Map.of("DEMO", value), "DEMO")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "false", "yes", "2"})
    void aFlagIsOffOtherwise(String value) {
        assertThat(Env.flag(Map.of("DEMO", value), "DEMO")).isFalse();
        assertThat(Env.flag(Map.of(), "DEMO")).isFalse();
    }
}
