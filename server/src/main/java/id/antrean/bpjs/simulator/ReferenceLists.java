package id.antrean.bpjs.simulator;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** The simulated puskesmas's PCare reference lists: its poli (BPJS's own codes) and its doctors. */
final class ReferenceLists {
    static final List<JsonObject> POLI = List.of(
            poli("001", "UMUM", true), poli("002", "GIGI & MULUT", true), poli("003", "KIA", true),
            poli("004", "KB", true), poli("008", "LABORATORIUM", false), poli("012", "APOTEK", false),
            poli("020", "PEMERIKSAAN ANAK", true), poli("021", "LANSIA", true), poli("023", "GIZI", false));
    static final List<JsonObject> DOCTORS = List.of(
            doctor("131491", "dr. Andi Mappaware"), doctor("131492", "dr. Sitti Rahmawati"),
            doctor("131493", "drg. Muhammad Ikhsan"), doctor("131494", "dr. Nurul Hidayah, Sp.A"),
            doctor("131495", "Bd. Rosmiati, S.Tr.Keb"));

    private ReferenceLists() {
    }

    private static JsonObject poli(String code, String name, boolean sick) {
        return new JsonObject().put("kdPoli", code).put("nmPoli", name).put("poliSakit", sick);
    }

    private static JsonObject doctor(String code, String name) {
        return new JsonObject().put("kdDokter", code).put("nmDokter", name);
    }
}
