package id.antrean.eligibility;

import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;

/** Who is asking: a JKN card number or a NIK, validated before anyone is asked. */
public sealed interface Identity {

    /** {@code CARD} or {@code NIK}, as stored. */
    String kind();

    /** The digits. Never shown to people. */
    String value();

    record Card(CardNumber number) implements Identity {
        @Override
        public String kind() {
            return "CARD";
        }

        @Override
        public String value() {
            return number.value();
        }
    }

    record ByNik(Nik nik) implements Identity {
        @Override
        public String kind() {
            return "NIK";
        }

        @Override
        public String value() {
            return nik.value();
        }
    }

    /** Exactly one of the two, typed or scanned; the card number wins when both are given. */
    static Identity of(String card, String nik) {
        if (card != null && !card.isBlank()) {
            return new Card(CardNumber.parse(card));
        }
        if (nik != null && !nik.isBlank()) {
            return new ByNik(Nik.parse(nik));
        }
        throw Problem.ofField(ErrorCode.IDENTITY_REQUIRED, "card");
    }
}
