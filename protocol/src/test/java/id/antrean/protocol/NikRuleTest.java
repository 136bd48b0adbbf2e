package id.antrean.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NikRuleTest {

    @ParameterizedTest
    @CsvSource({
            "7371014101900001, true",   // woman born 1 Jan 1990 (day + 40)
            "7371010101900001, false",  // man born 1 Jan 1990
            "3171072902000001, false",  // 29 Feb 2000
            "9271016912850003, true",   // woman born 29 Dec 1985, Papua
            "9971010101900001, false"}) // an unknown province is accepted: new ones appear
    void validNiksAreAccepted(String nik, boolean female) {
        assertThat(NikRule.isValid(nik)).isTrue();
        assertThat(NikRule.isFemale(nik)).isEqualTo(female);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "737101410190000",   // 15 digits
            "73710141019000011", // 17 digits
            "1071014101900001",  // province 10 does not exist (the lowest is 11, Aceh)
            "7300014101900001",  // regency 00
            "7371004101900001",  // district 00
            "7371010001900001",  // day 00
            "7371014001900001",  // day 00 + 40
            "7371013201900001",  // day 32
            "7371017201900001",  // day 72 (32 + 40)
            "7371014100900001",  // month 00
            "7371014013900001",  // month 13
            "7371013002900001",  // 30 February
            "7371012902010001",  // 29 Feb 2001 / 1901: neither is a leap year
            "7371014101900000",  // serial 0000
            "73710141O1900001",  // a letter O
            "7371-01410190001"}) // separators are for TypedDigits to remove, not for the rule
    void impossibleNiksAreRefused(String nik) {
        assertThat(NikRule.isValid(nik)).isFalse();
    }

    @Test
    void everyGeneratedNikWithARealBirthDateIsValidAndEveryImpossibleDayIsNot() {
        Random random = new Random(20261207);
        for (int i = 0; i < 5_000; i++) {
            LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(35_000));
            boolean female = random.nextBoolean();
            String region = "%02d%02d%02d".formatted(11 + random.nextInt(89), 1 + random.nextInt(99), 1 + random.nextInt(99));
            String serial = "%04d".formatted(1 + random.nextInt(9999));
            String date = "%02d%02d%02d".formatted(birth.getDayOfMonth() + (female ? 40 : 0), birth.getMonthValue(),
                    birth.getYear() % 100);
            String nik = region + date + serial;
            assertThat(NikRule.isValid(nik)).as(nik).isTrue();
            assertThat(NikRule.isFemale(nik)).as(nik).isEqualTo(female);

            int impossibleDay = 32 + random.nextInt(8);
            String bad = region + "%02d%02d%02d".formatted(impossibleDay + (female ? 40 : 0),
                    birth.getMonthValue(), birth.getYear() % 100) + serial;
            assertThat(NikRule.isValid(bad)).as(bad).isFalse();
        }
    }
}
