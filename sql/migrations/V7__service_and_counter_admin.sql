-- Services (poli) and counters (loket / ruang) become editable by the facility's admin: each row keeps a
-- version for optimistic concurrency (ETag / If-Match), and a row that tickets refer to is retired rather than
-- deleted, so history and reports stay whole. A retired row keeps its code, prefix and BPJS poli code: they
-- stay reserved, because old tickets, reports and BPJS's records still name the row by them.

ALTER TABLE service
    ADD COLUMN version       integer     NOT NULL DEFAULT 1 CHECK (version > 0),
    -- Offered at the kiosk; staff may issue tickets for any open service.
    ADD COLUMN kiosk_visible boolean     NOT NULL DEFAULT true,
    ADD COLUMN retired_at    timestamptz;

-- Mobile JKN's quota is part of the daily quota.
ALTER TABLE service
    ADD CONSTRAINT service_jkn_quota_within_daily
        CHECK (jkn_quota IS NULL OR daily_quota IS NULL OR jkn_quota <= daily_quota);

ALTER TABLE service_schedule
    ADD CONSTRAINT service_schedule_doctor_name_length CHECK (length(doctor_name) <= 100),
    ADD CONSTRAINT service_schedule_doctor_code_positive CHECK (doctor_code > 0);

ALTER TABLE counter
    ADD COLUMN version     integer     NOT NULL DEFAULT 1 CHECK (version > 0),
    -- What the display's voice says for this room ("Ruang Periksa Umum 1"); its name when absent.
    ADD COLUMN spoken_name text        CHECK (length(btrim(spoken_name)) BETWEEN 1 AND 80),
    ADD COLUMN retired_at  timestamptz;
