-- Each facility's own BPJS credentials (a district server hosts facilities with different BPJS consumers).
-- Every field is sealed by the server with AES-256-GCM under its master key (SECRET_KEY or DATA_DIR/secret.key):
-- a field is its own random 96-bit nonce followed by the ciphertext and the 128-bit tag, with the facility id
-- and the field's name as additional authenticated data, so a value copied to another row or field fails to
-- open. The database alone (a dump, a backup) never holds a usable secret.
CREATE TABLE bpjs_credentials (
    facility_id      bigint      PRIMARY KEY REFERENCES facility ON DELETE CASCADE,
    -- Which master key sealed the row (a short fingerprint of it), for a later key rotation and a clear
    -- message when the server runs with another key.
    key_id           text        NOT NULL CHECK (key_id ~ '^[0-9a-f]{16}$'),
    cons_id          bytea       NOT NULL CHECK (octet_length(cons_id) >= 29),
    secret           bytea       NOT NULL CHECK (octet_length(secret) >= 29),
    user_key         bytea       NOT NULL CHECK (octet_length(user_key) >= 29),
    antrean_user_key bytea       CHECK (octet_length(antrean_user_key) >= 29),
    pcare_username   bytea       CHECK (octet_length(pcare_username) >= 29),
    pcare_password   bytea       CHECK (octet_length(pcare_password) >= 29),
    app_code         bytea       CHECK (octet_length(app_code) >= 29),
    changed_at       timestamptz NOT NULL,
    changed_by       text        NOT NULL CHECK (length(btrim(changed_by)) > 0),
    version          integer     NOT NULL DEFAULT 1 CHECK (version >= 1),
    -- A PCare password means nothing without its user name.
    CHECK (pcare_password IS NULL OR pcare_username IS NOT NULL)
);
