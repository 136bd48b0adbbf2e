package id.antrean.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NikAgeTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @ParameterizedTest
    @CsvSource({
            "7371011205580001, 1958-05-12, 68, true",   // man, 12 May 1958
            "7371015205580001, 1958-05-12, 68, true",   // woman, the same day (52 = 12 + 40)
            "7371010712660001, 1966-12-07, 60, true",   // man, 60 today
            "7371014712660001, 1966-12-07, 60, true",   // woman, 60 today
            "7371010812660001, 1966-12-08, 59, false",  // man, 60 tomorrow
            "7371014812660001, 1966-12-08, 59, false",  // woman, 60 tomorrow
            "7371066308850002, 1985-08-23, 41, false",  // woman, 23 Aug 1985
            "7371010712260001, 2026-12-07, 0, false",   // born today: this century, age 0
            "7371010812260001, 1926-12-08, 99, true",   // '26 but tomorrow: not yet born this century, so 1926
            "7371010101000001, 2000-01-01, 26, false",  // '00 is 2000
            "7371012902000001, 2000-02-29, 26, false",  // a leap day that exists in 2000 only
            "7371012902040001, 2004-02-29, 22, false",
            "7371010101270001, 1927-01-01, 99, true",   // '27 lies ahead: the last century
            "7371013112990001, 1999-12-31, 26, false"})
    void theBirthDateAndAgeComeFromDigitsSevenToTwelve(String nik, LocalDate born, int age, boolean elderly) {
        assertThat(NikAge.birthDate(nik, TODAY)).contains(born);
        assertThat(NikAge.age(nik, TODAY)).contains(age);
        assertThat(NikAge.isElderly(nik, TODAY)).isEqualTo(elderly);
    }

    @Test
    void theCenturyIsDecidedOnTheGivenDateNotTheMachines() {
        String bornNewYear2027 = "7371010101270001";
        assertThat(NikAge.birthDate(bornNewYear2027, LocalDate.of(2026, 12, 31))).contains(LocalDate.of(1927, 1, 1));
        assertThat(NikAge.birthDate(bornNewYear2027, LocalDate.of(2027, 1, 1))).contains(LocalDate.of(2027, 1, 1));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"737101120558000", "7371013205580001", "7371011213580001", "1234567890123456"})
    void anInvalidNikSaysNothing(String nik) {
        assertThat(NikAge.birthDate(nik, TODAY)).isEmpty();
        assertThat(NikAge.isElderly(nik, TODAY)).isFalse();
    }
}
