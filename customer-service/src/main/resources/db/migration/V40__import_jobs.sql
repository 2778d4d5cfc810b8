-- Bulk imports. A job row holds the checkpoint (byte offset and line of the first row not yet
-- applied) and the counters; both change in the same transaction as the chunk they describe.
CREATE TABLE import_job (
    id                  uuid         PRIMARY KEY,
    format              varchar(20)  NOT NULL,
    mapping             jsonb,
    state               varchar(10)  NOT NULL CHECK (state IN ('queued', 'running', 'completed', 'failed')),
    total_bytes         bigint       NOT NULL CHECK (total_bytes >= 0),
    checkpoint_offset   bigint       NOT NULL CHECK (checkpoint_offset >= 0),
    checkpoint_line     bigint       NOT NULL,
    rows_read           bigint       NOT NULL DEFAULT 0,
    customers_created   bigint       NOT NULL DEFAULT 0,
    customers_updated   bigint       NOT NULL DEFAULT 0,
    purchases_created   bigint       NOT NULL DEFAULT 0,
    purchases_unchanged bigint       NOT NULL DEFAULT 0,
    returns_recorded    bigint       NOT NULL DEFAULT 0,
    returns_unchanged   bigint       NOT NULL DEFAULT 0,
    skip_counts         jsonb        NOT NULL DEFAULT '{}',
    failure_reason      text,
    created_at          timestamptz  NOT NULL,
    started_at          timestamptz,
    finished_at         timestamptz
);

-- GET /imports pages newest first; start-up looks for unfinished jobs.
CREATE INDEX import_job_created ON import_job (created_at DESC, id DESC);
CREATE INDEX import_job_unfinished ON import_job (created_at) WHERE state IN ('queued', 'running');

-- The first 1,000 skipped rows of a job (all of them are counted in skip_counts).
CREATE TABLE import_skipped_row (
    job_id uuid         NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    line   bigint       NOT NULL,
    reason varchar(40)  NOT NULL,
    detail varchar(500),
    PRIMARY KEY (job_id, line)
);

-- An import finds an already recorded return by its key (cancellation invoice + SKU) on a re-run.
CREATE INDEX purchase_return_return_key ON purchase_return (return_key);
