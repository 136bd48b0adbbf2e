package id.antrean.bpjs.credentials;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** The {@code bpjs_credentials} table: one sealed row per facility. */
final class CredentialStore {
    static final String FIND = "SELECT " + StoredCredentials.COLUMNS + " FROM bpjs_credentials WHERE facility_id = $1";
    static final String LOCK = FIND + " FOR UPDATE";
    static final String INSERT = """
            INSERT INTO bpjs_credentials (facility_id, key_id, cons_id, secret, user_key, antrean_user_key,
                                          pcare_username, pcare_password, app_code, changed_at, changed_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (facility_id) DO NOTHING
            RETURNING\s""" + StoredCredentials.COLUMNS;
    static final String UPDATE = """
            UPDATE bpjs_credentials SET key_id = $2, cons_id = $3, secret = $4, user_key = $5, antrean_user_key = $6,
                                        pcare_username = $7, pcare_password = $8, app_code = $9, changed_at = $10,
                                        changed_by = $11, version = version + 1
            WHERE facility_id = $1 AND version = $12
            RETURNING\s""" + StoredCredentials.COLUMNS;
    static final String DELETE = "DELETE FROM bpjs_credentials WHERE facility_id = $1 AND version = $2";

    private final CredentialSeal seal;

    CredentialStore(CredentialSeal seal) {
        this.seal = seal;
    }

    Future<Optional<StoredCredentials>> find(SqlClient db, long facilityId, boolean forUpdate) {
        return db.preparedQuery(forUpdate ? LOCK : FIND).execute(Tuple.of(facilityId)).map(rows -> rows.size() == 0
                ? Optional.empty() : Optional.of(StoredCredentials.from(rows.iterator().next())));
    }

    /** Empty when another request created the row first. */
    Future<Optional<StoredCredentials>> insert(SqlClient tx, long facilityId, BpjsCredentials values, String by,
                                               Instant at) {
        return tx.preparedQuery(INSERT).execute(sealed(facilityId, values, by, at)).map(rows -> rows.size() == 0
                ? Optional.empty() : Optional.of(StoredCredentials.from(rows.iterator().next())));
    }

    /** Empty when the row's version is no longer {@code expected}. */
    Future<Optional<StoredCredentials>> update(SqlClient tx, long facilityId, BpjsCredentials values, String by,
                                               Instant at, long expected) {
        return tx.preparedQuery(UPDATE).execute(sealed(facilityId, values, by, at).addLong(expected))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(StoredCredentials.from(rows.iterator().next())));
    }

    /** False when the row's version is no longer {@code expected}. */
    Future<Boolean> delete(SqlClient tx, long facilityId, long expected) {
        return tx.preparedQuery(DELETE).execute(Tuple.of(facilityId, expected)).map(rows -> rows.rowCount() == 1);
    }

    private Tuple sealed(long facilityId, BpjsCredentials values, String by, Instant at) {
        Tuple tuple = Tuple.of(facilityId, seal.keyId());
        BpjsCredentials.FIELDS.keySet().forEach(field -> {
            String value = values.get(field);
            tuple.addValue(value == null ? null : Buffer.buffer(seal.seal(facilityId, field, value)));
        });
        return tuple.addOffsetDateTime(at.atOffset(ZoneOffset.UTC)).addString(by);
    }
}
