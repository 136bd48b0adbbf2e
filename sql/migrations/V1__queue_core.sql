-- Antrean queue core: facilities, their services (poli), counters (loket / ruang), tickets,
-- the per-queue number sequence and the event log that feeds screens and consoles.
--
-- Every table carries facility_id in its primary key, so the schema can later be sharded by facility.

-- A time zone name must be one PostgreSQL knows; a facility's day is its local day.
CREATE FUNCTION is_time_zone(name text) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE STRICT AS
$$
BEGIN
    PERFORM now() AT TIME ZONE name;
    RETURN true;
EXCEPTION WHEN invalid_parameter_value THEN
    RETURN false;
END;
$$;

CREATE TABLE facility (
    facility_id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code          text        NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    name          text        NOT NULL CHECK (length(btrim(name)) > 0),
    time_zone     text        NOT NULL CHECK (is_time_zone(time_zone)),
    -- Last event id issued for this facility. Taken with a row lock as the last write of every
    -- change, so event ids are gapless and increase in commit order (what SSE resumption needs).
    last_event_id bigint      NOT NULL DEFAULT 0 CHECK (last_event_id >= 0),
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- A service: poli / layanan (Umum, Gigi, KIA, Laboratorium, Apotek, ...).
CREATE TABLE service (
    facility_id bigint  NOT NULL REFERENCES facility,
    service_id  bigint  GENERATED ALWAYS AS IDENTITY,
    code        text    NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{0,19}$'),
    name        text    NOT NULL CHECK (length(btrim(name)) > 0),
    prefix      text    NOT NULL CHECK (prefix ~ '^[A-Z]$'),
    is_open     boolean NOT NULL DEFAULT true,
    sort_order  integer NOT NULL DEFAULT 0,
    PRIMARY KEY (facility_id, service_id),
    UNIQUE (facility_id, code),
    UNIQUE (facility_id, prefix)
);

-- A counter: loket (registration desk) or ruang (consulting room) where tickets are called.
CREATE TABLE counter (
    facility_id bigint  NOT NULL REFERENCES facility,
    counter_id  bigint  GENERATED ALWAYS AS IDENTITY,
    code        text    NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{0,19}$'),
    name        text    NOT NULL CHECK (length(btrim(name)) > 0),
    sort_order  integer NOT NULL DEFAULT 0,
    PRIMARY KEY (facility_id, counter_id),
    UNIQUE (facility_id, code)
);

CREATE TABLE counter_service (
    facility_id bigint NOT NULL,
    counter_id  bigint NOT NULL,
    service_id  bigint NOT NULL,
    PRIMARY KEY (facility_id, counter_id, service_id),
    FOREIGN KEY (facility_id, counter_id) REFERENCES counter ON DELETE CASCADE,
    FOREIGN KEY (facility_id, service_id) REFERENCES service ON DELETE CASCADE
);

-- The last number given per queue: one row per (facility, service, local day). Bumped with
-- INSERT ... ON CONFLICT DO UPDATE inside the issuing transaction: the row lock serialises issuers of
-- one queue and a rollback gives the number back, so numbers are neither duplicated nor skipped.
CREATE TABLE queue_day_sequence (
    facility_id  bigint  NOT NULL,
    service_id   bigint  NOT NULL,
    service_date date    NOT NULL,
    last_number  integer NOT NULL CHECK (last_number > 0),
    PRIMARY KEY (facility_id, service_id, service_date),
    FOREIGN KEY (facility_id, service_id) REFERENCES service
);

-- Places in a waiting line. Taken while the queue's sequence row is locked, so within one queue
-- the order of queue_order is the order of numbers; a transfer takes a new one (back of the line).
CREATE SEQUENCE ticket_queue_order;

-- A ticket: nomor antrean. Its number belongs to the service it was issued for (home_service_id)
-- and never changes; service_id is the line it stands in now (it changes on transfer).
CREATE TABLE ticket (
    facility_id      bigint      NOT NULL,
    ticket_id        bigint      GENERATED ALWAYS AS IDENTITY,
    home_service_id  bigint      NOT NULL,
    service_date     date        NOT NULL,
    number           integer     NOT NULL CHECK (number > 0),
    label            text        NOT NULL CHECK (label ~ '^[A-Z]-[0-9]{3,}$'),
    service_id       bigint      NOT NULL,
    status           text        NOT NULL DEFAULT 'WAITING'
        CHECK (status IN ('WAITING', 'CALLED', 'SERVING', 'SKIPPED', 'DONE', 'CANCELLED')),
    source           text        NOT NULL DEFAULT 'WALK_IN' CHECK (source IN ('WALK_IN', 'ONLINE')),
    payer            text        NOT NULL CHECK (payer IN ('JKN', 'UMUM')),
    card_number      text        CHECK (card_number ~ '^[0-9]{13}$'),
    nik              text        CHECK (nik ~ '^[0-9]{16}$'),
    priority         boolean     NOT NULL DEFAULT false,
    queue_order      bigint      NOT NULL,
    counter_id       bigint,
    call_count       integer     NOT NULL DEFAULT 0 CHECK (call_count >= 0),
    transfer_count   integer     NOT NULL DEFAULT 0 CHECK (transfer_count >= 0),
    issued_at        timestamptz NOT NULL,
    queued_at        timestamptz NOT NULL,
    called_at        timestamptz,
    started_at       timestamptz,
    finished_at      timestamptz,
    updated_at       timestamptz NOT NULL,
    idempotency_key  text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    request_hash     text        NOT NULL,
    PRIMARY KEY (facility_id, ticket_id),
    UNIQUE (facility_id, home_service_id, service_date, number),
    UNIQUE (facility_id, idempotency_key),
    FOREIGN KEY (facility_id, home_service_id) REFERENCES service,
    FOREIGN KEY (facility_id, service_id) REFERENCES service,
    FOREIGN KEY (facility_id, counter_id) REFERENCES counter,
    FOREIGN KEY (facility_id, home_service_id, service_date) REFERENCES queue_day_sequence,
    CHECK (payer = 'UMUM' OR card_number IS NOT NULL OR nik IS NOT NULL),
    -- A called or served ticket is at a counter; a waiting one is at none. Ended tickets keep the
    -- counter that last handled them.
    CHECK (status NOT IN ('CALLED', 'SERVING') OR counter_id IS NOT NULL),
    CHECK (status <> 'WAITING' OR counter_id IS NULL),
    CHECK (status <> 'SERVING' OR started_at IS NOT NULL),
    CHECK (status <> 'DONE' OR finished_at IS NOT NULL)
);

-- One counter calls or serves at most one ticket at a time.
CREATE UNIQUE INDEX ticket_one_current_per_counter
    ON ticket (facility_id, counter_id) WHERE status IN ('CALLED', 'SERVING');

-- The waiting line of a service on a day, in calling order.
CREATE INDEX ticket_waiting_line
    ON ticket (facility_id, service_date, service_id, priority DESC, queue_order)
    WHERE status = 'WAITING';

CREATE INDEX ticket_by_day ON ticket (facility_id, service_date, service_id);

-- Every change to a queue, written in the same transaction as the change. It is the history of each
-- ticket and the feed for screens and consoles (pushed with NOTIFY, replayed on reconnect).
CREATE TABLE queue_event (
    facility_id bigint      NOT NULL REFERENCES facility,
    event_id    bigint      NOT NULL CHECK (event_id > 0),
    type        text        NOT NULL CHECK (type ~ '^[A-Z_]+$'),
    ticket_id   bigint,
    service_id  bigint,
    counter_id  bigint,
    payload     jsonb       NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (facility_id, event_id),
    FOREIGN KEY (facility_id, ticket_id) REFERENCES ticket
);

CREATE INDEX queue_event_by_ticket ON queue_event (facility_id, ticket_id, event_id);
