-- What segmentation-service learns from the other services' events, and the scores it derives.

-- The copy of a customer this service keeps: no personal data beyond the external id (erased on request).
CREATE TABLE seg_customer (
    customer_id         uuid PRIMARY KEY,
    external_id         text,
    acquisition_channel text,
    registered_at       timestamptz,
    merged_into         uuid,
    erased_at           timestamptz,
    -- clock_timestamp() of the last change to this customer's facts; a recompute re-derives the
    -- customers touched after its snapshot before it swaps.
    touched_at          timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX seg_customer_external_id ON seg_customer (external_id) WHERE external_id IS NOT NULL;
CREATE INDEX seg_customer_touched ON seg_customer (touched_at);

-- One row per purchase id: a redelivered purchase-recorded event cannot count twice.
CREATE TABLE seg_purchase (
    purchase_id uuid PRIMARY KEY,
    customer_id uuid        NOT NULL,
    order_id    text,
    total       numeric     NOT NULL,
    currency    text        NOT NULL,
    occurred_at timestamptz NOT NULL
);
CREATE INDEX seg_purchase_customer ON seg_purchase (customer_id, occurred_at);

-- Returns are kept apart: they do not change R, F or M.
CREATE TABLE seg_return (
    return_id   uuid PRIMARY KEY,
    purchase_id uuid        NOT NULL,
    customer_id uuid        NOT NULL,
    amount      numeric     NOT NULL,
    currency    text        NOT NULL,
    occurred_at timestamptz NOT NULL
);
CREATE INDEX seg_return_customer ON seg_return (customer_id, occurred_at);

-- Signals from feedback and loyalty events, one row per customer.
CREATE TABLE seg_signal (
    customer_id           uuid PRIMARY KEY,
    last_nps              smallint,
    last_csat             smallint,
    open_complaints       integer     NOT NULL DEFAULT 0,
    breached_complaints   integer     NOT NULL DEFAULT 0,
    last_loyalty_activity timestamptz,
    points_expired        bigint      NOT NULL DEFAULT 0,
    loyalty_member        boolean     NOT NULL DEFAULT false
);

-- A full recompute's result: one partition of seg_score per run. The current run is the one readers see.
CREATE TABLE seg_run (
    run_id         bigint PRIMARY KEY,
    as_of          date        NOT NULL,
    zone           text        NOT NULL,
    customers      integer     NOT NULL DEFAULT 0,
    total_monetary numeric     NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE SEQUENCE seg_run_id_seq;

CREATE TABLE seg_current_run (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    run_id    bigint  NOT NULL REFERENCES seg_run (run_id)
);

-- Per customer and run. Customers with no counting purchase have no row (they are prospects).
CREATE TABLE seg_score (
    run_id              bigint   NOT NULL,
    customer_id         uuid     NOT NULL,
    first_purchase_date date     NOT NULL,
    last_purchase_date  date     NOT NULL,
    recency_days        integer  NOT NULL,
    frequency           integer  NOT NULL,
    monetary            numeric  NOT NULL,
    r                   smallint NOT NULL,
    f                   smallint NOT NULL,
    m                   smallint NOT NULL,
    segment             text     NOT NULL,
    abc_class           text     NOT NULL
) PARTITION BY LIST (run_id);
-- Defined on the parent: a new run's partition gets them when it is attached (built once, after the bulk insert).
CREATE UNIQUE INDEX seg_score_key ON seg_score (run_id, customer_id);
CREATE INDEX seg_score_recency ON seg_score (run_id, recency_days);
CREATE INDEX seg_score_frequency ON seg_score (run_id, frequency);
CREATE INDEX seg_score_monetary ON seg_score (run_id, monetary);
CREATE INDEX seg_score_segment ON seg_score (run_id, segment, customer_id);
CREATE INDEX seg_score_abc ON seg_score (run_id, abc_class, customer_id);

-- The empty run every database starts with, so readers always have a current run.
INSERT INTO seg_run (run_id, as_of, zone) VALUES (nextval('seg_run_id_seq'), DATE '1970-01-01', 'UTC');
CREATE TABLE seg_score_1 PARTITION OF seg_score FOR VALUES IN (1);
INSERT INTO seg_current_run (run_id) VALUES (1);

-- Recompute jobs (the HTTP resource and the daily schedule).
CREATE TABLE seg_job (
    job_id       uuid PRIMARY KEY,
    as_of        date        NOT NULL,
    status       text        NOT NULL,
    phase        text        NOT NULL,
    progress     integer     NOT NULL DEFAULT 0,
    customers    integer,
    run_id       bigint,
    error        text,
    requested_at timestamptz NOT NULL,
    started_at   timestamptz,
    finished_at  timestamptz
);
CREATE INDEX seg_job_open ON seg_job (requested_at) WHERE status IN ('queued', 'running');

-- Events processed per topic, for GET /segments/status.
CREATE TABLE seg_topic_progress (
    topic            text PRIMARY KEY,
    events_processed bigint      NOT NULL DEFAULT 0,
    last_event_time  timestamptz,
    last_processed_at timestamptz
);
