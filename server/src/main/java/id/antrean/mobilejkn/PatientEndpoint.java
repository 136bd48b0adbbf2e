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
 * 202 from {@code /antrean}). Every field is required and checked in the contract's order: the first one
 * missing or malformed is the answer.
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
        String phone = ContractInput.phone(ContractInput.required(body, Field.PHONE));
        JsonObject address = new JsonObject();
        for (Field field : new Field[] {Field.ADDRESS, Field.PROVINCE_CODE, Field.PROVINCE_NAME, Field.REGENCY_CODE,
                Field.REGENCY_NAME, Field.DISTRICT_CODE, Field.DISTRICT_NAME, Field.VILLAGE_CODE, Field.VILLAGE_NAME,
                Field.RW, Field.RT}) {
            address.put(field.key(), ContractInput.plain(ContractInput.required(body, field), field,
                    field == Field.ADDRESS ? 300 : 100));
        }
        return patients.register(facility, new Patients.NewPatient(card, nik, familyCard, name, sex, birthDate, phone,
                        address))
                .map(norm -> Envelope.ok(new JsonObject().put("norm", norm)));
    }
}
