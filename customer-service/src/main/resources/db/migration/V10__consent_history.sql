-- Consent statements, append-only: rows are inserted, never updated or deleted (they are evidence).
-- The current consent per channel and purpose is derived: latest captured_at, then highest seq.
CREATE TABLE consent_record (
    id          uuid         PRIMARY KEY,
    -- Insertion order, the tie-breaker between statements captured at the same instant.
    seq         bigint       GENERATED ALWAYS AS IDENTITY CONSTRAINT consent_record_seq_key UNIQUE,
    customer_id uuid         NOT NULL REFERENCES customer (id),
    channel     varchar(10)  NOT NULL CHECK (channel IN ('email', 'sms', 'phone', 'post')),
    purpose     varchar(10)  NOT NULL CHECK (purpose IN ('marketing', 'service', 'profiling')),
    status      varchar(10)  NOT NULL CHECK (status IN ('granted', 'denied', 'revoked')),
    source      varchar(100) NOT NULL,
    captured_at timestamptz  NOT NULL,
    recorded_at timestamptz  NOT NULL
);

CREATE INDEX consent_record_customer ON consent_record (customer_id, seq);

-- Enforce append-only in the database too, so no later code path can rewrite evidence.
CREATE FUNCTION consent_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'consent_record is append-only';
END
$$;

CREATE TRIGGER consent_record_no_update_delete
    BEFORE UPDATE OR DELETE ON consent_record
    FOR EACH ROW EXECUTE FUNCTION consent_record_append_only();
