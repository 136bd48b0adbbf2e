package id.antrean.eligibility;

import io.vertx.core.Future;
import java.util.Optional;

/** Asks BPJS who a participant is. */
public interface ParticipantLookup {

    /**
     * The participant, or empty when BPJS does not know the card number or NIK. Fails when BPJS cannot be
     * asked or does not answer in time (slow, down, refusing our credentials).
     */
    Future<Optional<Participant>> find(id.antrean.facility.Facility facility, Identity identity);
}
