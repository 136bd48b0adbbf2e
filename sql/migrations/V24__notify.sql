-- Issue #19: a patient may leave a WhatsApp/SMS number and be told when their turn is near and when they are
-- called, through the facility's own messaging gateway (a plain HTTP webhook). Off by default.

-- The facility's gateway. Header values (an API key, a bearer token) are sealed like the BPJS credentials
-- (AES-256-GCM under the server's master key, the facility id and the field as additional data); the URL,
-- method and body template are settings an admin reads back and edits.
CREATE TABLE notify_settings (
    facility_id   bigint      PRIMARY KEY REFERENCES facility ON DELETE CASCADE,
    enabled       boolean     NOT NULL DEFAULT false,
    -- A message when this many people (or fewer) are left before the patient.
    threshold     integer     NOT NULL DEFAULT 3 CHECK (threshold BETWEEN 1 AND 20),
    -- Null: the server-wide NOTIFY_WEBHOOK_URL.
    webhook_url   text        CHECK (webhook_url ~ '^https?://' AND length(webhook_url) <= 500),
    method        text        NOT NULL DEFAULT 'POST' CHECK (method IN ('POST', 'PUT', 'GET')),
    content_type  text        NOT NULL DEFAULT 'application/json' CHECK (length(content_type) BETWEEN 1 AND 100),
    body_template text        NOT NULL CHECK (length(body_template) <= 2000),
    -- The header names in the clear (the admin sees which are set); their values sealed together as one JSON object.
    header_names  text[]      NOT NULL DEFAULT '{}',
    key_id        text        CHECK (key_id ~ '^[0-9a-f]{16}$'),
    headers       bytea       CHECK (octet_length(headers) >= 29),
    changed_at    timestamptz NOT NULL,
    changed_by    text        NOT NULL CHECK (length(btrim(changed_by)) > 0),
    version       integer     NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK ((headers IS NULL) = (key_id IS NULL))
);

-- The number a patient left for one ticket, normalised (628…). Kept only for the ticket's day: a sweep deletes the
-- rows of days that are over in the facility's time zone. Never joined into a ticket, board, event or report.
CREATE TABLE notify_phone (
    facility_id   bigint      NOT NULL,
    ticket_id     bigint      NOT NULL,
    service_date  date        NOT NULL,
    phone         text        NOT NULL CHECK (phone ~ '^628[1-9][0-9]{7,10}$'),
    registered_at timestamptz NOT NULL,
    PRIMARY KEY (facility_id, ticket_id),
    FOREIGN KEY (facility_id, ticket_id) REFERENCES ticket ON DELETE CASCADE
);

CREATE INDEX notify_phone_by_day ON notify_phone (facility_id, service_date);

-- Messages to send, written in the transaction of the change that calls for them. One per (ticket, kind): the
-- unique key makes "exactly once" a constraint, whatever path or node notices the change. The payload holds what
-- the text is made of (number, people left, poli, room), never the phone number: the sender reads that from
-- notify_phone at sending time, so a message whose day is over has nobody to go to.
CREATE TABLE notify_outbox (
    facility_id     bigint      NOT NULL REFERENCES facility ON DELETE CASCADE,
    outbox_id       bigint      GENERATED ALWAYS AS IDENTITY,
    ticket_id       bigint      NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('NEAR', 'CALLED')),
    payload         jsonb       NOT NULL,
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'DEAD')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    dead_at         timestamptz,
    PRIMARY KEY (facility_id, outbox_id),
    UNIQUE (facility_id, ticket_id, kind),
    FOREIGN KEY (facility_id, ticket_id) REFERENCES ticket ON DELETE CASCADE,
    CHECK ((status = 'DEAD') = (dead_at IS NOT NULL))
);

CREATE INDEX notify_outbox_due ON notify_outbox (next_attempt_at, outbox_id) WHERE status = 'PENDING';
