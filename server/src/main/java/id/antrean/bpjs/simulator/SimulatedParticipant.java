package id.antrean.bpjs.simulator;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** A participant the simulator knows, answered in PCare's {@code peserta} shape. */
public record SimulatedParticipant(
        String cardNumber,
        String nik,
        String name,
        String sex,
        LocalDate birthDate,
        boolean active,
        String statusText,
        LocalDate validFrom,
        LocalDate validUntil,
        String providerCode,
        String providerName,
        String classCode,
        String className,
        String segmentCode,
        String segmentName,
        int arrears) {

    private static final DateTimeFormatter PCARE_DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu");

    JsonObject toPcare() {
        return new JsonObject()
                .put("noKartu", cardNumber)
                .put("nama", name)
                .put("hubunganKeluarga", "PESERTA")
                .put("sex", sex)
                .put("tglLahir", format(birthDate))
                .put("tglMulaiAktif", format(validFrom))
                .put("tglAkhirBerlaku", format(validUntil))
                .put("kdProviderPst", new JsonObject().put("kdProvider", providerCode).put("nmProvider", providerName))
                .put("kdProviderGigi", new JsonObject().put("kdProvider", null).put("nmProvider", null))
                .put("jnsKelas", new JsonObject().put("kode", classCode).put("nama", className))
                .put("jnsPeserta", new JsonObject().put("kode", segmentCode).put("nama", segmentName))
                .put("golDarah", "0")
                .put("noHP", "")
                .put("noKTP", nik)
                .put("aktif", active)
                .put("ketAktif", statusText)
                .put("asuransi", new JsonObject().put("kdAsuransi", null).put("nmAsuransi", null).put("noAsuransi", null))
                .put("tunggakan", arrears);
    }

    private static String format(LocalDate date) {
        return date == null ? null : date.format(PCARE_DATE);
    }
}
