-- Backups of the whole database (all facilities): one record per run, nightly or asked for by an admin.
-- The dump itself is a file in BACKUP_DIR; this table says when it ran, what it wrote and how it ended.
CREATE TABLE backup_run (
    run_id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trigger       text        NOT NULL CHECK (trigger IN ('SCHEDULED', 'MANUAL')),
    -- The night a scheduled run is for: with several nodes on one database, the first to insert takes it.
    scheduled_for timestamptz UNIQUE,
    requested_by  text        CHECK (length(requested_by) <= 200),
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    file_name     text        CHECK (file_name ~ '^antrean-[0-9]{8}-[0-9]{6}\.dump$'),
    bytes         bigint      CHECK (bytes >= 0),
    outcome       text        NOT NULL CHECK (outcome IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    error         text        CHECK (length(error) <= 2000),
    CHECK ((trigger = 'SCHEDULED') = (scheduled_for IS NOT NULL)),
    CHECK ((outcome = 'RUNNING') = (finished_at IS NULL)),
    CHECK (finished_at IS NULL OR finished_at >= started_at),
    CHECK (outcome <> 'SUCCEEDED' OR (file_name IS NOT NULL AND bytes IS NOT NULL AND error IS NULL)),
    CHECK (outcome <> 'FAILED' OR error IS NOT NULL)
);

-- One backup at a time, whichever node runs it.
CREATE UNIQUE INDEX backup_run_one_running ON backup_run ((true)) WHERE outcome = 'RUNNING';
CREATE INDEX backup_run_recent ON backup_run (started_at DESC);
