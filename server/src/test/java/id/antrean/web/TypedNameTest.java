package id.antrean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rule of typed names, and the contract holding the very same rule. */
class TypedNameTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Kios Lobi 2", "Layar – Lantai 2", "Loket 1", "1", "Ruang Tunggu (Poli Gigi)",
            "DEWI LESTARI", "كشك الاستقبال", "  spasi di tepi  "})
    void anOrdinaryNameIsAcceptable(String name) {
        assertThat(TypedName.isAcceptable(name)).isTrue();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F,
            0x061C, 0x0000, 0x0009, 0x000A, 0x000D, 0x001B, 0x007F, 0x0085, 0x009B, 0x200B, 0xFEFF, 0x2028, 0x2029})
    void aNameWithAnInvisibleCharacterAnywhereIsNot(int codePoint) {
        String c = Character.toString(codePoint);
        assertThat(TypedName.isAcceptable(c + "Kiosk")).isFalse();
        assertThat(TypedName.isAcceptable("Kio" + c + "sk")).isFalse();
        assertThat(TypedName.isAcceptable("Kiosk" + c)).isFalse();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", " ", "   ", "\u00a0", "\u3000", "-", "..."})
    void aNameWithoutALetterOrDigitIsNot(String name) {
        assertThat(TypedName.isAcceptable(name)).isFalse();
    }

    @Test
    void theContractNamesDevicesWithTheSameRule() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi/antrean.yaml")) {
            String contract = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(contract).contains("pattern: '" + TypedName.PATTERN + "'");
        }
    }

    @Test
    void aRefusalNamesTheField() {
        Problem refused = org.assertj.core.api.Assertions.catchThrowableOfType(Problem.class,
                () -> TypedName.require("Kiosk\u202e", "name"));
        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(refused.field()).isEqualTo("name");
        assertThat(TypedName.require("  Kios Lobi ", "name")).isEqualTo("Kios Lobi");
    }
}
