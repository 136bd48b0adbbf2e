package id.antrean.notify;

import id.antrean.auth.Actor;
import id.antrean.auth.AuditLog;
import id.antrean.bpjs.credentials.CredentialSeal;
import id.antrean.bpjs.credentials.CredentialsUnreadable;
import id.antrean.events.SettingsChanged;
import id.antrean.facility.Facility;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import id.antrean.web.Revisions;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code notify_settings} table: one row per facility that saved its gateway. The header values are sealed
 * together as one JSON object with the server's master key ({@link CredentialSeal}, as the BPJS credentials), under
 * their own field name, so a sealed value copied from a BPJS credential does not open here. Each edit is one
 * transaction with its audit entry (header names only) and a {@code SETTINGS_CHANGED} {@code notify} event.
 */
public final class NotifySettingsStore {
    static final String SEALED_FIELD = "notify-webhook-headers";
    static final String COLUMNS = """
            enabled, threshold, webhook_url, method, content_type, body_template, header_names, key_id, headers,
            version""";
    static final String READ = "SELECT " + COLUMNS + " FROM notify_settings WHERE facility_id = $1";
    static final String SAVE = """
            INSERT INTO notify_settings (facility_id, enabled, threshold, webhook_url, method, content_type, body_template,
                                         header_names, key_id, headers, changed_at, changed_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            ON CONFLICT (facility_id) DO UPDATE SET
                enabled = EXCLUDED.enabled, threshold = EXCLUDED.threshold, webhook_url = EXCLUDED.webhook_url,
                method = EXCLUDED.method, content_type = EXCLUDED.content_type, body_template = EXCLUDED.body_template,
                header_names = EXCLUDED.header_names, key_id = EXCLUDED.key_id, headers = EXCLUDED.headers,
                changed_at = EXCLUDED.changed_at, changed_by = EXCLUDED.changed_by,
                version = notify_settings.version + 1
            RETURNING version""";

    private final Pool pool;
    private final CredentialSeal seal;
    private final String serverUrl;
    private final Clock clock;

    /** {@code serverUrl}: {@code NOTIFY_WEBHOOK_URL}, the URL of facilities that have none of their own (may be null). */
    public NotifySettingsStore(Pool pool, CredentialSeal seal, String serverUrl, Clock clock) {
        this.pool = pool;
        this.seal = seal;
        this.serverUrl = serverUrl;
        this.clock = clock;
    }

    public boolean hasServerDefault() {
        return serverUrl != null;
    }

    /** The URL messages of this facility go to: its own, else the server's; null when neither is set. */
    String urlOf(NotifySettings settings) {
        return settings.webhookUrl() != null ? settings.webhookUrl() : serverUrl;
    }

    public Future<NotifySettings> read(long facilityId) {
        return read(pool, facilityId, false);
    }

    Future<NotifySettings> read(SqlClient db, long facilityId, boolean forUpdate) {
        return db.preparedQuery(forUpdate ? READ + " FOR UPDATE" : READ).execute(Tuple.of(facilityId))
                .map(rows -> rows.size() == 0 ? NotifySettings.defaults() : from(facilityId, rows.iterator().next()));
    }

    private NotifySettings from(long facilityId, Row row) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : row.getArrayOfStrings("header_names")) {
            headers.put(name, null);
        }
        Buffer sealed = row.getBuffer("headers");
        if (sealed != null && seal.keyId().equals(row.getString("key_id"))) {
            try {
                new JsonObject(seal.open(facilityId, SEALED_FIELD, sealed.getBytes()))
                        .forEach(e -> headers.put(e.getKey(), (String) e.getValue()));
            } catch (CredentialsUnreadable e) {
                // Sealed under another key: the names stay, without values, until the admin enters them again.
            }
        }
        return new NotifySettings(row.getBoolean("enabled"), row.getInteger("threshold"), row.getString("webhook_url"),
                row.getString("method"), row.getString("content_type"), row.getString("body_template"), headers,
                row.getInteger("version"));
    }

    /**
     * Saves an edit. Replacing saved settings needs the version the admin saw ({@code expected}, from If-Match);
     * the first save needs none.
     */
    Future<NotifySettings> update(Facility facility, Long expected, NotifySettings edit, Actor actor) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> read(tx, facility.id(), true).compose(before -> {
            if (before.version() > 0 && expected == null) {
                throw Problem.of(ErrorCode.PRECONDITION_REQUIRED);
            }
            if (expected != null && expected != before.version()) {
                throw Revisions.conflict();
            }
            NotifySettings after = edit.keepingMasked(before);
            if (after.enabled() && urlOf(after) == null) {
                throw Problem.ofField(ErrorCode.NOTIFY_WEBHOOK_INVALID, "webhookUrl", "webhookUrl");
            }
            Buffer sealed = after.headers().isEmpty() ? null : Buffer.buffer(seal.seal(facility.id(), SEALED_FIELD,
                    new JsonObject(new LinkedHashMap<>(after.headers())).encode()));
            Tuple params = Tuple.of(facility.id(), after.enabled(), after.threshold(), after.webhookUrl(),
                            after.method(), after.contentType(), after.bodyTemplate())
                    .addArrayOfString(after.headers().keySet().toArray(String[]::new))
                    .addString(sealed == null ? null : seal.keyId())
                    .addValue(sealed)
                    .addOffsetDateTime(now.atOffset(ZoneOffset.UTC))
                    .addString(actor.name());
            return tx.preparedQuery(SAVE).execute(params).compose(rows -> {
                NotifySettings saved = after.withVersion(rows.iterator().next().getInteger("version"));
                return AuditLog.change(tx, facility.id(), actor, "NOTIFY_SETTINGS_UPDATE",
                                before.version() == 0 ? null : before.audited(), saved.audited(), now)
                        .compose(v -> SettingsChanged.announce(tx, facility.id(), facility.zone(), "notify", now))
                        .map(saved);
            });
        }));
    }
}
