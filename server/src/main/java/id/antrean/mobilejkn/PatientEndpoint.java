package id.antrean.mobilejkn;

import id.antrean.facility.Facility;
import id.antrean.mobilejkn.ContractMessages.Field;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Call 6, {@code POST /peserta}: Mobile JKN registers a participant the facility has no record of (after a
 * 202 from {@code /antrean}). Every field is checked in the contract's order, the first one missing or malformed
 * being the answer; all are required but {@code nohp}, {@code rw} and {@code rt}, which the app sends empty when the
 * participant has none (checked when sent).
 */
final class PatientEndpoint {
    /** Nobody registering today was born before this. */
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private final Patients patients;
    private final Clock clock;

    PatientEndpoint(Patients patients, Clock clock) {
        this.patients = patients;
        this.clock = clock;
    }

    Future<JsonObject> register(RoutingContext rc, Facility facility) {
        JsonObject body = ContractInput.body(rc.body().buffer());
        String card = ContractInput.card(ContractInput.required(body, Field.CARD)).value();
        String nik = ContractInput.nik(ContractInput.required(body, Field.NIK)).value();
        String familyCard = ContractInput.familyCard(ContractInput.required(body, Field.FAMILY_CARD));
        String name = ContractInput.plain(ContractInput.required(body, Field.NAME), Field.NAME, 100);
        String sex = ContractInput.required(body, Field.SEX).toUpperCase(Locale.ROOT);
        if (!sex.equals("L") && !sex.equals("P")) {
            throw ContractRefusal.of(ContractMessages.SEX_FORMAT);
        }
        LocalDate birthDate = ContractInput.date(ContractInput.required(body, Field.BIRTH_DATE),
                ContractMessages.BIRTH_DATE_FORMAT);
        if (birthDate.isBefore(EARLIEST_BIRTH) || birthDate.isAfter(facility.today(clock))) {
            throw ContractRefusal.of(ContractMessages.BIRTH_DATE_INVALID);
        }
        String sentPhone = ContractInput.optional(body, Field.PHONE);
        String phone = sentPhone == null ? null : ContractInput.phone(sentPhone);
        JsonObject address = new JsonObject();
        for (Field field : new Field[] {Field.ADDRESS, Field.PROVINCE_CODE, Field.PROVINCE_NAME, Field.REGENCY_CODE,
                Field.REGENCY_NAME, Field.DISTRICT_CODE, Field.DISTRICT_NAME, Field.VILLAGE_CODE, Field.VILLAGE_NAME}) {
            address.put(field.key(), ContractInput.plain(ContractInput.required(body, field), field,
                    field == Field.ADDRESS ? 300 : 100));
        }
        // Many villages have no RT/RW, and a participant may have no phone number on file: the app then sends
        // them empty (mLITE takes that; Khanza does not check the phone at all).
        for (Field field : new Field[] {Field.RW, Field.RT}) {
            String value = ContractInput.optional(body, field);
            if (value != null) {
                address.put(field.key(), ContractInput.plain(value, field, 100));
            }
        }
        return patients.register(facility, new Patients.NewPatient(card, nik, familyCard, name, sex, birthDate, phone,
                        address))
                .map(norm -> Envelope.ok(new JsonObject().put("norm", norm)));
    }
}
