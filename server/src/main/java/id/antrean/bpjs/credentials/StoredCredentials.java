package id.antrean.bpjs.credentials;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A facility's credentials row as stored: sealed fields, who changed them when, and the row's version. */
record StoredCredentials(long facilityId, String keyId, Map<String, byte[]> sealed, Instant changedAt,
                         String changedBy, int version) {
    static final String COLUMNS = "facility_id, key_id, cons_id, secret, user_key, antrean_user_key, pcare_username,"
            + " pcare_password, app_code, changed_at, changed_by, version";

    static StoredCredentials from(Row row) {
        Map<String, byte[]> sealed = new LinkedHashMap<>();
        BpjsCredentials.FIELDS.forEach((field, column) -> {
            Buffer value = row.getBuffer(column);
            if (value != null) {
                sealed.put(field, value.getBytes());
            }
        });
        return new StoredCredentials(row.getLong("facility_id"), row.getString("key_id"), sealed,
                row.getOffsetDateTime("changed_at").toInstant(), row.getString("changed_by"), row.getInteger("version"));
    }

    /** Which fields are set, without opening anything. */
    JsonObject fieldsSet() {
        JsonObject set = new JsonObject();
        BpjsCredentials.FIELDS.keySet().forEach(field -> set.put(field, sealed.containsKey(field)));
        return set;
    }

    /** Opened with this server's key; {@link CredentialsUnreadable} when another key sealed them. */
    BpjsCredentials open(CredentialSeal seal) {
        if (!seal.keyId().equals(keyId)) {
            throw new CredentialsUnreadable();
        }
        Map<String, String> values = new LinkedHashMap<>();
        sealed.forEach((field, bytes) -> values.put(field, seal.open(facilityId, field, bytes)));
        return new BpjsCredentials(values);
    }
}
