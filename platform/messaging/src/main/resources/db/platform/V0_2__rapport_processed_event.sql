-- Idempotent consumers of rapport-messaging: one row per event a consumer group has applied, written
-- in the same transaction as the handler's effect, so a redelivered event is recognised and skipped.
CREATE TABLE rapport_processed_event (
    consumer_group text        NOT NULL,
    event_id       uuid        NOT NULL,
    processed_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, event_id)
);

-- Lets the relay's housekeeping purge old ids without scanning the whole table.
CREATE INDEX rapport_processed_event_processed_at ON rapport_processed_event (processed_at);
