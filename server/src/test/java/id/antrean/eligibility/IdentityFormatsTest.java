package id.antrean.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityFormatsTest {

    @ParameterizedTest
    @CsvSource({
            "0001234567890, 0001234567890",
            "'0001 2345 67890', 0001234567890",
            "0001-2345-67890, 0001234567890",
            "' 0001234567890 ', 0001234567890"})
    void cardNumbersAreNormalisedFromTypedInput(String typed, String expected) {
        assertThat(CardNumber.parse(typed).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "000123456789", "00012345678901", "000123456789O", "0001234567890x", "+001234567890"})
    void anythingButThirteenDigitsIsNotACardNumber(String typed) {
        assertThatThrownBy(() -> CardNumber.parse(typed))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo(ErrorCode.INVALID_CARD_NUMBER));
    }

    @Test
    void aCardNumberShowsOnlyItsLastFourDigits() {
        CardNumber card = CardNumber.parse("0001234567890");
        assertThat(card.masked()).isEqualTo("*********7890");
        assertThat(card.toString()).doesNotContain("000123456");
    }

    @ParameterizedTest
    @CsvSource({
            "7371014101900001, true",   // woman born 1 Jan 1990 (day + 40)
            "7371010101900001, false",  // man born 1 Jan 1990
            "3171072902000001, false",  // 29 Feb 2000
            "9271016912850003, true"})  // woman born 29 Dec 1985, Papua
    void validNiksAreAccepted(String nik, boolean female) {
        Nik parsed = Nik.parse(nik);
        assertThat(parsed.female()).isEqualTo(female);
        assertThat(parsed.toString()).doesNotContain(nik);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "737101410190000",   // 15 digits
            "73710141019000011", // 17 digits
            "1071014101900001",  // province 10 does not exist (the lowest is 11, Aceh)
            "7300014101900001",  // regency 00
            "7371004101900001",  // district 00
            "7371013201900001",  // day 32
            "7371017201900001",  // day 72 (32 + 40)
            "7371014013900001",  // month 13
            "7371013002900001",  // 30 February
            "7371012902010001",  // 29 Feb 2001 / 1901: neither is a leap year
            "7371014101900000",  // serial 0000
            "73710141O1900001"})
    void impossibleNiksAreRefused(String nik) {
        assertThatThrownBy(() -> Nik.parse(nik))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo(ErrorCode.INVALID_NIK));
    }

    @Test
    void everyGeneratedNikWithARealBirthDateIsValidAndEveryImpossibleDayIsNot() {
        Random random = new Random(20261127);
        for (int i = 0; i < 5_000; i++) {
            LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(35_000));
            boolean female = random.nextBoolean();
            String region = "%02d%02d%02d".formatted(11 + random.nextInt(89), 1 + random.nextInt(99), 1 + random.nextInt(99));
            String serial = "%04d".formatted(1 + random.nextInt(9999));
            String date = "%02d%02d%02d".formatted(birth.getDayOfMonth() + (female ? 40 : 0), birth.getMonthValue(),
                    birth.getYear() % 100);
            String nik = region + date + serial;
            assertThat(Nik.isValid(nik)).as(nik).isTrue();
            assertThat(Nik.parse(nik.substring(0, 4) + "-" + nik.substring(4)).female()).isEqualTo(female);

            int impossibleDay = 32 + random.nextInt(8);
            String bad = region + "%02d%02d%02d".formatted(impossibleDay + (female ? 40 : 0),
                    birth.getMonthValue(), birth.getYear() % 100) + serial;
            assertThat(Nik.isValid(bad)).as(bad).isFalse();
        }
    }
}
