-- Closures: a poli (service) or the whole facility closed for one local day (a holiday, the doctor away).
-- service_id NULL closes the whole facility. A whole-facility closure and a poli's closure may coexist on one
-- day (the poli's may have been entered first, with its own reason); each is removed on its own.
CREATE TABLE closure (
    facility_id  bigint      NOT NULL REFERENCES facility,
    closure_id   bigint      GENERATED ALWAYS AS IDENTITY,
    closed_on    date        NOT NULL,
    service_id   bigint,
    reason       text        NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 200),
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    version      integer     NOT NULL DEFAULT 1 CHECK (version > 0),
    PRIMARY KEY (facility_id, closure_id),
    FOREIGN KEY (facility_id, service_id) REFERENCES service ON DELETE CASCADE
);

-- One closure per facility, day and poli; one whole-facility closure per day (NULLs are distinct in UNIQUE).
CREATE UNIQUE INDEX closure_one_per_service_day ON closure (facility_id, closed_on, service_id)
    WHERE service_id IS NOT NULL;
CREATE UNIQUE INDEX closure_one_whole_facility_day ON closure (facility_id, closed_on)
    WHERE service_id IS NULL;

-- Staff accounts become editable by a facility's admins: optimistic concurrency (ETag / If-Match).
ALTER TABLE staff ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0);

-- Revoking a person's tokens (deactivation, password reset) finds them by person.
CREATE INDEX staff_token_by_staff ON staff_token (facility_id, staff_id) WHERE revoked_at IS NULL;
