package id.antrean.facility;

import io.vertx.core.json.JsonObject;

/**
 * A service of a facility: poli / layanan (Umum, Gigi, KIA, Laboratorium, Apotek). Its tickets are
 * labelled with its prefix letter ({@code A-012}).
 *
 * @param bpjsCode     its BPJS poli code (kodepoli), for the online queue; may be null
 * @param kioskVisible offered to patients at the kiosk (staff may issue for any service)
 * @param nameEn       its English name for the kiosk in English; null when not set (the name is shown)
 * @param dental       a dental poli: JKN eligibility is decided by the participant's dental FKTP
 */
public record Service(long id, String code, String name, String prefix, boolean open, String bpjsCode,
                      boolean kioskVisible, String nameEn, boolean dental) {

    public JsonObject toJson() {
        return new JsonObject()
                .put("code", code)
                .put("name", name)
                .put("nameEn", nameEn)
                .put("prefix", prefix)
                .put("open", open)
                .put("bpjsCode", bpjsCode)
                .put("kioskVisible", kioskVisible)
                .put("dental", dental);
    }
}
