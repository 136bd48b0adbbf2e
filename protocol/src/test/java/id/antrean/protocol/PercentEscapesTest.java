package id.antrean.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentEscapesTest {

    @Test
    void everyPercentMustStartTwoHexDigits() {
        assertThat(PercentEscapes.valid("/api/v1/facilities/pkm-demo/services?q=%20a%2Fb")).isTrue();
        assertThat(PercentEscapes.valid("/plain")).isTrue();
        assertThat(PercentEscapes.valid(null)).isTrue();
        assertThat(PercentEscapes.valid("/api/v1/facilities/%zz/services")).isFalse();
        assertThat(PercentEscapes.valid("/x?y=%")).isFalse();
        assertThat(PercentEscapes.valid("/x?y=%4")).isFalse();
        assertThat(PercentEscapes.valid("/x?y=%4g")).isFalse();
    }
}
