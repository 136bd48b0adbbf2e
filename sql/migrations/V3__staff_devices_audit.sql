-- Who may do what: staff accounts and devices of a facility, their tokens, and an audit log of actions.
-- Also: a ticket can be parked (held aside, then resumed).

CREATE TABLE staff (
    facility_id   bigint      NOT NULL REFERENCES facility,
    staff_id      bigint      GENERATED ALWAYS AS IDENTITY,
    -- Programs log in with only a username and a password, so usernames are unique across facilities.
    username      text        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
    name          text        NOT NULL CHECK (length(btrim(name)) > 0),
    role          text        NOT NULL CHECK (role IN ('ADMIN', 'RECEPTIONIST')),
    password_hash text        NOT NULL,
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (facility_id, staff_id)
);

-- A kiosk or a display, authenticated by a token an admin issued. Only the token's hash is kept.
CREATE TABLE device (
    facility_id bigint      NOT NULL REFERENCES facility,
    device_id   bigint      GENERATED ALWAYS AS IDENTITY,
    name        text        NOT NULL CHECK (length(btrim(name)) > 0),
    kind        text        NOT NULL CHECK (kind IN ('KIOSK', 'DISPLAY')),
    token_hash  text        NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text,
    revoked_at  timestamptz,
    PRIMARY KEY (facility_id, device_id)
);

CREATE INDEX device_by_token ON device (token_hash) WHERE revoked_at IS NULL;

-- A staff member's bearer token (console or program): short-lived, revocable. Only its hash is kept.
CREATE TABLE staff_token (
    facility_id bigint      NOT NULL,
    token_hash  text        NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    staff_id    bigint      NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    PRIMARY KEY (facility_id, token_hash),
    FOREIGN KEY (facility_id, staff_id) REFERENCES staff ON DELETE CASCADE
);

-- Who did what to which ticket, written in the transaction of the action.
CREATE TABLE audit_log (
    facility_id bigint      NOT NULL REFERENCES facility,
    audit_id    bigint      GENERATED ALWAYS AS IDENTITY,
    at          timestamptz NOT NULL,
    actor_kind  text        NOT NULL CHECK (actor_kind IN ('STAFF', 'DEVICE', 'SYSTEM')),
    actor_id    bigint,
    actor_name  text        NOT NULL,
    action      text        NOT NULL CHECK (action ~ '^[A-Z_]+$'),
    ticket_id   bigint,
    details     jsonb       NOT NULL DEFAULT '{}',
    PRIMARY KEY (facility_id, audit_id),
    FOREIGN KEY (facility_id, ticket_id) REFERENCES ticket
);

CREATE INDEX audit_log_by_time ON audit_log (facility_id, at);

ALTER TABLE ticket DROP CONSTRAINT ticket_status_check;
ALTER TABLE ticket ADD CONSTRAINT ticket_status_check
    CHECK (status IN ('WAITING', 'CALLED', 'SERVING', 'PARKED', 'SKIPPED', 'DONE', 'CANCELLED'));
ALTER TABLE ticket ADD CONSTRAINT ticket_parked_at_counter CHECK (status <> 'PARKED' OR counter_id IS NOT NULL);
