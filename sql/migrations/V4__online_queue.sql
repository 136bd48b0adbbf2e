-- The online queue: Mobile JKN books numbers at the facility (BPJS's "Antrean FKTP" contract), and the
-- facility reports its queue changes back to BPJS through a transactional outbox.

-- Each service's BPJS poli code (kodepoli), its daily quotas and its practice schedule.
ALTER TABLE service
    ADD COLUMN bpjs_code   text    CHECK (bpjs_code ~ '^[0-9A-Z]{3}$'),
    ADD COLUMN daily_quota integer CHECK (daily_quota > 0),
    ADD COLUMN jkn_quota   integer CHECK (jkn_quota > 0);
ALTER TABLE service ADD CONSTRAINT service_bpjs_code_unique UNIQUE (facility_id, bpjs_code);

-- When a service is open, per ISO weekday (1 = Monday), with its doctor as BPJS knows them.
CREATE TABLE service_schedule (
    facility_id bigint  NOT NULL,
    service_id  bigint  NOT NULL,
    weekday     integer NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens_at    time    NOT NULL,
    closes_at   time    NOT NULL CHECK (closes_at > opens_at),
    doctor_code integer,
    doctor_name text,
    PRIMARY KEY (facility_id, service_id, weekday),
    FOREIGN KEY (facility_id, service_id) REFERENCES service ON DELETE CASCADE
);

-- How many days ahead Mobile JKN may book, and how early a booked patient is asked to come.
ALTER TABLE facility
    ADD COLUMN booking_window_days integer NOT NULL DEFAULT 7 CHECK (booking_window_days BETWEEN 0 AND 90);

-- The facility's Mobile JKN user (x-username / x-password), set by an admin.
CREATE TABLE mobilejkn_account (
    facility_id   bigint NOT NULL PRIMARY KEY REFERENCES facility,
    username      text   NOT NULL UNIQUE CHECK (length(username) BETWEEN 3 AND 60),
    password_hash text   NOT NULL
);

-- Tokens handed to Mobile JKN by /auth: an hour long; only their hash is kept.
CREATE TABLE mobilejkn_token (
    facility_id bigint      NOT NULL REFERENCES facility,
    token_hash  text        NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    expires_at  timestamptz NOT NULL,
    PRIMARY KEY (facility_id, token_hash)
);

-- The facility's patients (rekam medis), as Mobile JKN registers them with /peserta.
CREATE TABLE patient (
    facility_id  bigint      NOT NULL REFERENCES facility,
    norm         text        NOT NULL CHECK (norm ~ '^[A-Z0-9-]{1,20}$'),
    card_number  text        CHECK (card_number ~ '^[0-9]{13}$'),
    nik          text        NOT NULL CHECK (nik ~ '^[0-9]{16}$'),
    family_card  text        CHECK (family_card ~ '^[0-9]{16}$'),
    name         text        NOT NULL CHECK (length(btrim(name)) > 0),
    sex          text        NOT NULL CHECK (sex IN ('L', 'P')),
    birth_date   date        NOT NULL,
    phone        text,
    address      jsonb       NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (facility_id, norm)
);

CREATE UNIQUE INDEX patient_by_card ON patient (facility_id, card_number) WHERE card_number IS NOT NULL;
CREATE UNIQUE INDEX patient_by_nik ON patient (facility_id, nik);
CREATE SEQUENCE patient_norm;

-- Bookings are tickets: source ONLINE, status BOOKED until the patient arrives (checks in), then WAITING.
-- A ticket stands in its line from line_at: a walk-in from when it was issued; a booked patient from when
-- they arrived, but not before the time estimated at booking (so arriving early, they wait for it).
ALTER TABLE ticket
    ADD COLUMN line_at       timestamptz,
    ADD COLUMN estimated_at  timestamptz,
    ADD COLUMN checked_in_at timestamptz,
    ADD COLUMN booking       jsonb;
UPDATE ticket SET line_at = queued_at WHERE line_at IS NULL;
ALTER TABLE ticket ALTER COLUMN line_at SET NOT NULL;

ALTER TABLE ticket DROP CONSTRAINT ticket_status_check;
ALTER TABLE ticket ADD CONSTRAINT ticket_status_check
    CHECK (status IN ('BOOKED', 'WAITING', 'CALLED', 'SERVING', 'PARKED', 'SKIPPED', 'DONE', 'CANCELLED', 'NO_SHOW'));
ALTER TABLE ticket ADD CONSTRAINT ticket_booked_online CHECK (status <> 'BOOKED' OR source = 'ONLINE');
ALTER TABLE ticket ADD CONSTRAINT ticket_online_has_card CHECK (source <> 'ONLINE' OR card_number IS NOT NULL);

-- One number per participant, poli and day from Mobile JKN: never a second.
CREATE UNIQUE INDEX ticket_one_booking_per_card
    ON ticket (facility_id, home_service_id, service_date, card_number)
    WHERE source = 'ONLINE' AND status NOT IN ('CANCELLED');

DROP INDEX ticket_waiting_line;
CREATE INDEX ticket_waiting_line
    ON ticket (facility_id, service_date, service_id, priority DESC, line_at, queue_order)
    WHERE status = 'WAITING';

CREATE INDEX ticket_booked ON ticket (facility_id, service_date, card_number) WHERE status = 'BOOKED';

-- What BPJS must hear about the queue (antrean/add, antrean/panggil, antrean/batal), written in the
-- transaction of the change and delivered by a worker, in order per ticket, retried with back-off.
CREATE TABLE bpjs_outbox (
    facility_id     bigint      NOT NULL REFERENCES facility,
    outbox_id       bigint      GENERATED ALWAYS AS IDENTITY,
    ticket_id       bigint      NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('ADD', 'PANGGIL', 'BATAL')),
    payload         jsonb       NOT NULL,
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    bpjs_code       integer,
    bpjs_message    text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    PRIMARY KEY (facility_id, outbox_id),
    FOREIGN KEY (facility_id, ticket_id) REFERENCES ticket
);

CREATE INDEX bpjs_outbox_due ON bpjs_outbox (next_attempt_at, outbox_id) WHERE status = 'PENDING';
CREATE INDEX bpjs_outbox_by_ticket ON bpjs_outbox (facility_id, ticket_id, outbox_id);
