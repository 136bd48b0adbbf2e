package id.antrean.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TypedDigitsTest {

    @ParameterizedTest
    @CsvSource({
            "0001234567890, 0001234567890",
            "'0001 2345 67890', 0001234567890",
            "0001-2345-67890, 0001234567890",
            "3174.0512.3456.0001, 3174051234560001",
            "'', ''"})
    void separatorsPeopleTypeAreDropped(String typed, String digits) {
        assertThat(TypedDigits.digitsOnly(typed)).isEqualTo(digits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000123456789O", "+62 812 3456 7890", "0001/2345", "0001,2345"})
    void anythingElseMakesItNotANumber(String typed) {
        assertThat(TypedDigits.digitsOnly(typed)).isNull();
    }
}
