package id.antrean.bpjs.credentials;

import id.antrean.auth.Actor;
import id.antrean.auth.AuditLog;
import id.antrean.events.SettingsChanged;
import id.antrean.facility.Facility;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import id.antrean.web.Revisions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An admin's view and edits of the facility's BPJS credentials. Values go in and never come out: the view, the
 * audit entry and the live event name which fields are set or changed, never what they hold.
 */
public final class CredentialsAdmin {
    static final String SETTINGS = "bpjs";

    private final Pool pool;
    private final CredentialStore store;
    private final CredentialSeal seal;
    private final FacilityBpjs resolver;
    private final Clock clock;

    public CredentialsAdmin(Pool pool, CredentialSeal seal, FacilityBpjs resolver, Clock clock) {
        this.pool = pool;
        this.store = new CredentialStore(seal);
        this.seal = seal;
        this.resolver = resolver;
        this.clock = clock;
    }

    /** The view and its version (null when the facility has no credentials of its own). */
    public record View(JsonObject json, Integer version) {
    }

    public Future<View> view(Facility facility) {
        return store.find(pool, facility.id(), false).map(row -> view(facility, row));
    }

    /**
     * Replaces the facility's credentials. Creating needs no {@code If-Match}; replacing needs the version the admin
     * saw ({@code expected}, null when the request had no If-Match).
     */
    public Future<View> put(Facility facility, BpjsCredentials values, Long expected, Actor by) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> store.find(tx, facility.id(), true).compose(before -> {
                    if (before.isEmpty()) {
                        if (expected != null) {
                            // The admin edited a row that was removed meanwhile.
                            throw Revisions.conflict();
                        }
                        return store.insert(tx, facility.id(), values, by.name(), now)
                                .map(created -> created.orElseThrow(Revisions::conflict))
                                .compose(after -> record(tx, facility, by, "BPJS_CREDENTIALS_SET", null, null,
                                        after, values.changedFrom(null), now));
                    }
                    if (expected == null) {
                        throw Problem.of(ErrorCode.PRECONDITION_REQUIRED);
                    }
                    List<String> changed = changedFields(before.get(), values);
                    return store.update(tx, facility.id(), values, by.name(), now, expected)
                            .map(updated -> updated.orElseThrow(Revisions::conflict))
                            .compose(after -> record(tx, facility, by, "BPJS_CREDENTIALS_SET", before.get(),
                                    before.get().fieldsSet(), after, changed, now));
                }))
                .onComplete(ar -> resolver.forget(facility.id()));
    }

    /** Removes them: the facility's calls fall back to the environment's credentials. */
    public Future<View> delete(Facility facility, long expected, Actor by) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> store.find(tx, facility.id(), true).compose(before -> {
                    if (before.isEmpty()) {
                        throw Problem.of(ErrorCode.BPJS_CREDENTIALS_NOT_SET);
                    }
                    return store.delete(tx, facility.id(), expected).compose(deleted -> {
                        if (!deleted) {
                            throw Revisions.conflict();
                        }
                        JsonObject was = audited(before.get(), before.get().fieldsSet());
                        return AuditLog.change(tx, facility.id(), by, "BPJS_CREDENTIALS_REMOVED", was, null, now)
                                .compose(v -> SettingsChanged.announce(tx, facility.id(), facility.zone(), SETTINGS, now))
                                .map(v -> view(facility, Optional.empty()));
                    });
                }))
                .onComplete(ar -> resolver.forget(facility.id()));
    }

    private Future<View> record(SqlClient tx, Facility facility, Actor by, String action,
                                StoredCredentials before, JsonObject beforeSet, StoredCredentials after,
                                List<String> changed, Instant now) {
        JsonObject was = before == null ? null : audited(before, beforeSet);
        JsonObject is = audited(after, after.fieldsSet()).put("changed", new JsonArray(changed));
        return AuditLog.change(tx, facility.id(), by, action, was, is, now)
                .compose(v -> SettingsChanged.announce(tx, facility.id(), facility.zone(), SETTINGS, now))
                .map(v -> view(facility, Optional.of(after)));
    }

    /** What the audit log keeps of a row: which fields are set and its version, never a value. */
    private static JsonObject audited(StoredCredentials row, JsonObject fieldsSet) {
        return new JsonObject().put("fields", fieldsSet).put("version", row.version());
    }

    /** Compared in the clear inside this request only; a row sealed under another key counts as all changed. */
    private List<String> changedFields(StoredCredentials before, BpjsCredentials values) {
        try {
            return values.changedFrom(before.open(seal));
        } catch (CredentialsUnreadable e) {
            return values.changedFrom(null);
        }
    }

    private View view(Facility facility, Optional<StoredCredentials> row) {
        JsonObject json = new JsonObject();
        if (row.isEmpty()) {
            JsonObject none = new JsonObject();
            BpjsCredentials.FIELDS.keySet().forEach(field -> none.put(field, false));
            return new View(json.put("source", resolver.server() == null || !resolver.server().hasCredentials() ? "NONE" : "SERVER")
                    .put("fields", none).putNull("readable").putNull("changedAt").putNull("changedBy")
                    .putNull("version"), null);
        }
        StoredCredentials r = row.get();
        return new View(json.put("source", "FACILITY")
                .put("fields", r.fieldsSet())
                // Whether this server's key sealed them: false after a restore without the key file.
                .put("readable", seal.keyId().equals(r.keyId()))
                .put("changedAt", facility.local(r.changedAt()).toString())
                .put("changedBy", r.changedBy())
                .put("version", r.version()), r.version());
    }
}
