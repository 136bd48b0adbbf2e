package id.antrean.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The dental view of an answer: which FKTP decides, and what it never changes. */
class DentalRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final Instant NOW = Instant.parse("2026-11-27T01:00:00Z");
    private static final String HERE = "19050101";

    private static Participant participant(boolean active, String provider, String dentalProvider) {
        return new Participant("0001234567890", "BUDI", active, active ? "AKTIF" : "TIDAK AKTIF", null, null, provider,
                "PKM " + provider, "3", "KELAS III", "PBI (APBN)", false, dentalProvider,
                dentalProvider == null ? null : "FKTP GIGI " + dentalProvider);
    }

    private static Eligibility dental(Participant p) {
        return EligibilityRules.forDental(EligibilityRules.decide(p, HERE, "Puskesmas Sejahtera", TODAY, NOW), HERE);
    }

    @Test
    void theDentalFktpDecidesAndIsTheOneNamed() {
        Eligibility here = dental(participant(true, "19050102", HERE));
        assertThat(here.reason()).isEqualTo(EligibilityReason.ACTIVE_HERE);
        assertThat(here.participant().providerCode()).isEqualTo(HERE);

        Eligibility elsewhere = dental(participant(true, HERE, "19050199"));
        assertThat(elsewhere.reason()).isEqualTo(EligibilityReason.REGISTERED_ELSEWHERE);
        assertThat(elsewhere.participant().providerName()).isEqualTo("FKTP GIGI 19050199");
    }

    @Test
    void withoutADentalFktpThePrimaryOneDecides() {
        assertThat(dental(participant(true, HERE, null)).reason()).isEqualTo(EligibilityReason.ACTIVE_HERE);
        assertThat(dental(participant(true, "19050102", " ")).reason()).isEqualTo(EligibilityReason.REGISTERED_ELSEWHERE);
    }

    @Test
    void anInactiveCardStaysInactiveAndTheRosterIsNotReDecided() {
        assertThat(dental(participant(false, "19050102", HERE)).reason()).isEqualTo(EligibilityReason.INACTIVE);

        Eligibility roster = new Eligibility(EligibilityReason.ACTIVE_HERE, null, participant(true, HERE, null),
                Eligibility.Source.ROSTER, NOW, "Puskesmas Sejahtera");
        assertThat(EligibilityRules.forDental(roster, HERE)).isSameAs(roster);
    }

    @Test
    void aCachedAnswerKeepsTheDentalFktp() {
        Eligibility primary = EligibilityRules.decide(participant(true, "19050102", HERE), HERE, "Puskesmas Sejahtera",
                TODAY, NOW);
        Eligibility cached = EligibilityCache.fromStored(EligibilityCache.toStored(primary), NOW, "Puskesmas Sejahtera");
        assertThat(EligibilityRules.forDental(cached, HERE).reason()).isEqualTo(EligibilityReason.ACTIVE_HERE);
    }
}
