-- GDPR erasure (privacy, issue 4). An erased customer keeps its row (purchases and aggregates still
-- point at it) but no personal data; the erasure and the services' confirmations are an append-only audit.

ALTER TABLE customer ADD COLUMN erased_at timestamptz;

-- The one customer without an identifier is an erased one; an erased one has none left.
ALTER TABLE customer DROP CONSTRAINT customer_identifiable;
ALTER TABLE customer ADD CONSTRAINT customer_identifiable
    CHECK (erased_at IS NOT NULL OR merged_into IS NOT NULL
           OR email IS NOT NULL OR phone IS NOT NULL OR external_id IS NOT NULL);
ALTER TABLE customer ADD CONSTRAINT customer_erased_scrubbed
    CHECK (erased_at IS NULL OR (email IS NULL AND phone IS NULL AND external_id IS NULL AND birthday IS NULL
                                 AND job_title IS NULL AND preferences = '{}' AND attributes = '{}'
                                 AND tags = '{}'));

CREATE TABLE customer_erasure (
    id           uuid         PRIMARY KEY,
    -- One erasure per customer: a repeated request answers the first.
    customer_id  uuid         NOT NULL REFERENCES customer (id) CONSTRAINT customer_erasure_customer_key UNIQUE,
    requested_at timestamptz  NOT NULL,
    requested_by varchar(200) NOT NULL,
    reason       varchar(500)
);

CREATE TABLE customer_erasure_confirmation (
    erasure_id   uuid        NOT NULL REFERENCES customer_erasure (id),
    service      varchar(64) NOT NULL,
    confirmed_at timestamptz NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (erasure_id, service)
);

-- Append-only: an audit that can be edited proves nothing.
CREATE FUNCTION customer_erasure_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$;

CREATE TRIGGER customer_erasure_append_only BEFORE UPDATE OR DELETE ON customer_erasure
    FOR EACH ROW EXECUTE FUNCTION customer_erasure_append_only();
CREATE TRIGGER customer_erasure_append_only_truncate BEFORE TRUNCATE ON customer_erasure
    FOR EACH STATEMENT EXECUTE FUNCTION customer_erasure_append_only();
CREATE TRIGGER customer_erasure_confirmation_append_only BEFORE UPDATE OR DELETE ON customer_erasure_confirmation
    FOR EACH ROW EXECUTE FUNCTION customer_erasure_append_only();
CREATE TRIGGER customer_erasure_confirmation_append_only_truncate BEFORE TRUNCATE ON customer_erasure_confirmation
    FOR EACH STATEMENT EXECUTE FUNCTION customer_erasure_append_only();
