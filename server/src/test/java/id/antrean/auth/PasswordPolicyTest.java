package id.antrean.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @ParameterizedTest(name = "{1} for {0}: {2}")
    @CsvSource({
            "siti.rahma, Pendek123, too short",
            "siti.rahma, xsiti.rahma2026x, contains the username",
            "siti.rahma, SITI.RAHMA99!, contains the username in capitals",
            "siti.rahma, amhar.itis-2026, the username reversed",
            "siti.rahma, Puskesmas123, a common password in other case",
            "siti.rahma, aaaaaaaaaaaaaaaa, one character repeated",
            "siti.rahma, ababababababab, two characters repeated"})
    void aWeakPasswordIsRefused(String username, String password, String why) {
        assertThat(PasswordPolicy.acceptable(username, password)).as(why).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"siti.rahma, kopi-tubruk-di-pagi-hari", "operator, Bulan Sabit 7 Merah", "budi, 9x!Lq2#vPz"})
    void aLongUncommonPasswordIsAccepted(String username, String password) {
        assertThat(PasswordPolicy.acceptable(username, password)).isTrue();
    }

    @Test
    void aRefusalNamesTheFieldAndTheMinimumLength() {
        assertThatThrownBy(() -> PasswordPolicy.check("operator.password", "budi", "budi12345678"))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.code()).isEqualTo(ErrorCode.PASSWORD_TOO_WEAK);
                    assertThat(p.field()).isEqualTo("operator.password");
                    assertThat(p.text().id()).contains("minimal 10 karakter");
                });
    }
}
