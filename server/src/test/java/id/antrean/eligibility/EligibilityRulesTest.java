package id.antrean.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EligibilityRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final Instant NOW = Instant.parse("2026-11-27T01:00:00Z");

    private static Participant participant(boolean active, String status, LocalDate from, LocalDate until,
                                           String provider, boolean arrears) {
        return new Participant("0001234567890", "BUDI", active, status, from, until, provider, "PKM X", "3",
                "KELAS III", "PBI (APBN)", arrears);
    }

    private static Eligibility decide(Participant p) {
        return EligibilityRules.decide(p, "19050101", "Puskesmas Sejahtera", TODAY, NOW);
    }

    @Test
    void activeValidAndRegisteredHereIsActiveHere() {
        Eligibility e = decide(participant(true, "AKTIF", TODAY.minusYears(1), TODAY, "19050101", false));
        assertThat(e.reason()).isEqualTo(EligibilityReason.ACTIVE_HERE);
        assertThat(e.eligible()).isTrue();
    }

    @Test
    void activeButRegisteredAtAnotherProviderIsRegisteredElsewhere() {
        Eligibility e = decide(participant(true, "AKTIF", null, null, "19050102", false));
        assertThat(e.reason()).isEqualTo(EligibilityReason.REGISTERED_ELSEWHERE);
        assertThat(e.eligible()).isFalse();
    }

    @Test
    void aCardPastItsEndDateIsInactiveEvenWhenBpjsSaysActive() {
        Eligibility e = decide(participant(true, "AKTIF", null, TODAY.minusDays(1), "19050101", false));
        assertThat(e.reason()).isEqualTo(EligibilityReason.INACTIVE);
        assertThat(e.inactiveReason()).isEqualTo(InactiveReason.EXPIRED);
        assertThat(e.message().en()).contains("2026-11-26");
    }

    @Test
    void aCardNotActiveUntilLaterIsNotYetActive() {
        Eligibility e = decide(participant(true, "AKTIF", TODAY.plusDays(3), null, "19050101", false));
        assertThat(e.inactiveReason()).isEqualTo(InactiveReason.NOT_YET_ACTIVE);
        assertThat(e.message().id()).contains("2026-11-30");
    }

    @ParameterizedTest
    @CsvSource({
            "TIDAK AKTIF, true, ARREARS",
            "NON AKTIF - PBI DINONAKTIFKAN, false, DEACTIVATED",
            "TIDAK AKTIF KARENA MENUNGGAK, false, ARREARS",
            "MENINGGAL, false, OTHER"})
    void inactiveParticipantsAreToldWhy(String status, boolean arrears, InactiveReason expected) {
        Eligibility e = decide(participant(false, status, null, null, "19050101", arrears));
        assertThat(e.reason()).isEqualTo(EligibilityReason.INACTIVE);
        assertThat(e.inactiveReason()).isEqualTo(expected);
        assertThat(e.message().id()).contains(status);
    }

    @Test
    void withoutThisFacilitysBpjsCodeRegisteredHereCannotBeToldAndTheAnswerIsUnverified() {
        Eligibility e = EligibilityRules.decide(participant(true, "AKTIF", null, null, "19050101", false),
                null, "Klinik", TODAY, NOW);
        assertThat(e.reason()).isEqualTo(EligibilityReason.UNVERIFIED);
    }

    @ParameterizedTest
    @CsvSource({
            "PBI (APBN), PBI_APBN",
            "PBI (APBD), PBI_APBD",
            "PEKERJA PENERIMA UPAH, PPU",
            "PPU - PNS DAERAH, PPU",
            "PEKERJA BUKAN PENERIMA UPAH, PBPU",
            "PBPU / MANDIRI, PBPU",
            "BUKAN PEKERJA, BP",
            "PENSIUNAN PNS, BP",
            "SOMETHING ELSE, UNKNOWN"})
    void segmentsAreReadFromBpjssNames(String name, Segment expected) {
        assertThat(Segment.fromName(name)).isEqualTo(expected);
    }
}
