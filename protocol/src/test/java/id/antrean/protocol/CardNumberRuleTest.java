package id.antrean.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumberRuleTest {

    @Test
    void thirteenDigitsWithLeadingZerosAreACardNumber() {
        assertThat(CardNumberRule.isValid("0001234567890")).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"123", "000123456789", "00012345678901", "000123456789O", "0001 2345 67890",
            "+001234567890", "٠٠٠١٢٣٤٥٦٧٨٩٠"})
    void anythingButThirteenAsciiDigitsIsNot(String digits) {
        assertThat(CardNumberRule.isValid(digits)).isFalse();
    }

    @Test
    void theMaskShowsOnlyTheLastFourDigits() {
        assertThat(CardNumberRule.mask("0001234567890")).isEqualTo("*********7890");
        assertThat(CardNumberRule.mask("890")).isEqualTo("*********890");
    }
}
