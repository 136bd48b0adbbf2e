package id.antrean.facility;

import io.vertx.core.json.JsonObject;

/**
 * A service of a facility: poli / layanan (Umum, Gigi, KIA, Laboratorium, Apotek). Its tickets are
 * labelled with its prefix letter ({@code A-012}).
 */
public record Service(long id, String code, String name, String prefix, boolean open) {

    public JsonObject toJson() {
        return new JsonObject()
                .put("code", code)
                .put("name", name)
                .put("prefix", prefix)
                .put("open", open);
    }
}
