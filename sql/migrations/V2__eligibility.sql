-- Eligibility: is this JKN participant covered here today?

-- The facility's BPJS provider code (kode PPK / kdProvider): participants registered here carry it.
ALTER TABLE facility
    ADD COLUMN bpjs_provider_code text UNIQUE CHECK (bpjs_provider_code ~ '^[0-9A-Z]{8}$');

-- The participants registered with a facility, as the facility imported them (CSV). It answers when
-- BPJS cannot. Only what a decision needs is kept: no full name.
CREATE TABLE roster_participant (
    facility_id   bigint      NOT NULL REFERENCES facility,
    card_number   text        NOT NULL CHECK (card_number ~ '^[0-9]{13}$'),
    nik           text        CHECK (nik ~ '^[0-9]{16}$'),
    name_initial  text        CHECK (char_length(name_initial) = 1),
    class_name    text        CHECK (char_length(class_name) <= 40),
    segment       text        CHECK (char_length(segment) <= 60),
    imported_at   timestamptz NOT NULL,
    PRIMARY KEY (facility_id, card_number)
);

CREATE UNIQUE INDEX roster_participant_by_nik ON roster_participant (facility_id, nik) WHERE nik IS NOT NULL;

-- BPJS's answers, kept for the rest of the facility's local day: one call per participant per day.
CREATE TABLE eligibility_check (
    facility_id   bigint      NOT NULL REFERENCES facility,
    service_date  date        NOT NULL,
    identity_kind text        NOT NULL CHECK (identity_kind IN ('CARD', 'NIK')),
    identity      text        NOT NULL CHECK (identity ~ '^[0-9]{13}$|^[0-9]{16}$'),
    card_number   text        CHECK (card_number ~ '^[0-9]{13}$'),
    decision      jsonb       NOT NULL,
    checked_at    timestamptz NOT NULL,
    PRIMARY KEY (facility_id, service_date, identity_kind, identity)
);

-- The outcome of the check, stored on each JKN ticket for the receptionist.
ALTER TABLE ticket
    ADD COLUMN eligibility text
        CHECK (eligibility IN ('ACTIVE_HERE', 'REGISTERED_ELSEWHERE', 'INACTIVE', 'NOT_FOUND', 'UNVERIFIED')),
    ADD COLUMN eligibility_source text CHECK (eligibility_source IN ('BPJS', 'ROSTER')),
    ADD COLUMN eligibility_checked_at timestamptz;

-- New JKN tickets carry their check (tickets from before this version are left as they are).
ALTER TABLE ticket
    ADD CONSTRAINT ticket_jkn_checked CHECK (payer <> 'JKN' OR eligibility IS NOT NULL) NOT VALID;
