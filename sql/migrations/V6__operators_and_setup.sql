-- Going live without the demo: system-wide operators (a district health office), the one-time setup code that
-- creates the first of them, an audit log for what concerns no single facility, and the facility's profile.

-- An operator creates and edits facilities and may act in every one of them. No facility of its own.
CREATE TABLE operator (
    operator_id   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The staff table's rule: programs log in with only a username, so it is unique across both (trigger below).
    username      text        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
    name          text        NOT NULL CHECK (length(btrim(name)) > 0 AND length(name) <= 80),
    password_hash text        NOT NULL,
    active        boolean     NOT NULL DEFAULT true,
    version       integer     NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- An operator's bearer token: short-lived, revocable; only its hash is kept.
CREATE TABLE operator_token (
    token_hash  text        PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    operator_id bigint      NOT NULL REFERENCES operator ON DELETE CASCADE,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);

-- One username, one account, across staff and operators. Two UNIQUE constraints cannot see each other's table,
-- so a trigger on both checks the other one; the advisory lock (per username) makes two concurrent inserts of
-- the same name in the two tables wait for each other, and each statement of this VOLATILE function reads what
-- has been committed by then. The error is a unique violation (23505), as from the tables' own constraints.
CREATE FUNCTION username_unique_across_accounts() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('antrean.username'), hashtext(NEW.username));
    IF (TG_TABLE_NAME = 'staff' AND EXISTS (SELECT 1 FROM operator WHERE username = NEW.username))
            OR (TG_TABLE_NAME = 'operator' AND EXISTS (SELECT 1 FROM staff WHERE username = NEW.username)) THEN
        RAISE EXCEPTION 'username % is taken', NEW.username
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'account_username_key';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER staff_username_unique_across_accounts
    BEFORE INSERT OR UPDATE OF username ON staff
    FOR EACH ROW EXECUTE FUNCTION username_unique_across_accounts();

CREATE TRIGGER operator_username_unique_across_accounts
    BEFORE INSERT OR UPDATE OF username ON operator
    FOR EACH ROW EXECUTE FUNCTION username_unique_across_accounts();

-- The one-time code printed at the first start (or set with SETUP_CODE). One row at most; only its SHA-256 is
-- kept, so any node accepts it, and spending it (with a row lock) lets exactly one setup through.
CREATE TABLE setup_code (
    only_one   boolean     PRIMARY KEY DEFAULT true CHECK (only_one),
    code_hash  text        NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
    created_at timestamptz NOT NULL DEFAULT now(),
    spent_at   timestamptz
);

-- What concerns no single facility (the setup, operators); a facility's own changes stay in its audit_log.
CREATE TABLE system_audit_log (
    audit_id   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         timestamptz NOT NULL,
    actor_kind text        NOT NULL CHECK (actor_kind IN ('OPERATOR', 'SYSTEM')),
    actor_id   bigint,
    actor_name text        NOT NULL,
    action     text        NOT NULL CHECK (action ~ '^[A-Z_]+$'),
    details    jsonb       NOT NULL DEFAULT '{}'
);

ALTER TABLE audit_log DROP CONSTRAINT audit_log_actor_kind_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_actor_kind_check
    CHECK (actor_kind IN ('STAFF', 'DEVICE', 'SYSTEM', 'OPERATOR'));

-- The facility's profile: what its letterhead, tickets and kiosks show.
ALTER TABLE facility
    ADD COLUMN address            text CHECK (length(btrim(address)) BETWEEN 1 AND 300),
    ADD COLUMN phone              text CHECK (phone ~ '^\+?[0-9][0-9 ()-]{4,24}$'),
    -- The logo for letterhead and ticket: a PNG or a JPEG, at most 32 KiB, its type agreeing with its first bytes.
    ADD COLUMN logo               bytea CHECK (octet_length(logo) BETWEEN 8 AND 32768),
    ADD COLUMN logo_content_type  text CHECK (logo_content_type IN ('image/png', 'image/jpeg')),
    ADD COLUMN ticket_footer      text CHECK (length(btrim(ticket_footer)) BETWEEN 1 AND 200),
    -- How long a kiosk waits, untouched, before it goes back to its start screen.
    ADD COLUMN kiosk_idle_seconds integer NOT NULL DEFAULT 60 CHECK (kiosk_idle_seconds BETWEEN 15 AND 600),
    -- The kiosk's and ticket's languages: Bahasa Indonesia always, first; English besides when wanted.
    ADD COLUMN languages          text[] NOT NULL DEFAULT '{id}' CHECK (languages IN ('{id}'::text[], '{id,en}'::text[])),
    ADD COLUMN version            integer NOT NULL DEFAULT 1,
    ADD CONSTRAINT facility_name_length CHECK (length(name) <= 120),
    ADD CONSTRAINT facility_logo_whole CHECK ((logo IS NULL) = (logo_content_type IS NULL)),
    ADD CONSTRAINT facility_logo_magic CHECK (
        logo IS NULL
        OR (logo_content_type = 'image/png' AND substring(logo FROM 1 FOR 8) = '\x89504e470d0a1a0a'::bytea)
        OR (logo_content_type = 'image/jpeg' AND substring(logo FROM 1 FOR 3) = '\xffd8ff'::bytea));
