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
        int arrears,
        String dentalProviderCode,
        String dentalProviderName) {

    /** A participant whose dental FKTP is their primary one, as for most. */
    public SimulatedParticipant(String cardNumber, String nik, String name, String sex, LocalDate birthDate,
                                boolean active, String statusText, LocalDate validFrom, LocalDate validUntil,
                                String providerCode, String providerName, String classCode, String className,
                                String segmentCode, String segmentName, int arrears) {
        this(cardNumber, nik, name, sex, birthDate, active, statusText, validFrom, validUntil, providerCode,
                providerName, classCode, className, segmentCode, segmentName, arrears, providerCode, providerName);
    }

    private static final DateTimeFormatter PCARE_DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu");

    /**
     * A participant described in JSON: {@code cardNumber} (required), {@code nik}, {@code name}, {@code sex},
     * {@code birthDate}, {@code active} (default true), {@code statusText}, {@code validFrom}, {@code validUntil}
     * (dates yyyy-mm-dd), {@code providerCode}, {@code providerName}, {@code classCode}, {@code className},
     * {@code segmentCode}, {@code segmentName}, {@code arrears} (BPJS's {@code tunggakan}: a number, or
     * {@code true}/{@code false} for "in arrears"/"not"), {@code dentalProviderCode}, {@code dentalProviderName}
     * (the dental FKTP, {@code kdProviderGigi}; default: the primary provider).
     */
    public static SimulatedParticipant fromJson(JsonObject j) {
        String card = j.getString("cardNumber");
        if (card == null || !card.matches("[0-9]{13}")) {
            throw new IllegalArgumentException("cardNumber must be 13 digits");
        }
        boolean active = j.getBoolean("active", true);
        return new SimulatedParticipant(card, j.getString("nik"), j.getString("name", "PESERTA"), j.getString("sex", "L"),
                date(j.getString("birthDate")), active, j.getString("statusText", active ? "AKTIF" : "TIDAK AKTIF"),
                date(j.getString("validFrom")), date(j.getString("validUntil")), j.getString("providerCode"),
                j.getString("providerName"), j.getString("classCode", "3"), j.getString("className", "KELAS III"),
                j.getString("segmentCode"), j.getString("segmentName"), arrears(j.getValue("arrears")),
                j.getString("dentalProviderCode", j.getString("providerCode")),
                j.getString("dentalProviderName", j.getString("providerName")));
    }

    /** The README documents "arrears" without a unit: a number is taken as it is, a boolean as 1 or 0. */
    private static int arrears(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        throw new IllegalArgumentException("arrears must be a number or true/false");
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

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
                .put("kdProviderGigi", new JsonObject().put("kdProvider", dentalProviderCode).put("nmProvider", dentalProviderName))
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
