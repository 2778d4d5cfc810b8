-- Transactional outbox of rapport-messaging. A service appends a row in the same transaction as its
-- state change; the relay publishes unpublished rows to Kafka in id order and stamps published_at.
CREATE TABLE rapport_outbox (
    id           bigserial   PRIMARY KEY,
    event_id     uuid        NOT NULL UNIQUE,
    topic        text        NOT NULL,
    message_key  text,
    event_type   text        NOT NULL,
    payload      jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);

-- The relay's only hot query: the oldest unpublished rows. Stays tiny because published rows leave it.
CREATE INDEX rapport_outbox_unpublished ON rapport_outbox (id) WHERE published_at IS NULL;

-- Wakes the relay (LISTEN rapport_outbox). PostgreSQL delivers a NOTIFY only when the inserting
-- transaction commits, so the relay never wakes for a row it cannot see yet; notifications of one
-- transaction are folded into one, so a statement-level trigger costs one message per commit.
CREATE FUNCTION rapport_outbox_notify() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('rapport_outbox', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER rapport_outbox_notify
    AFTER INSERT ON rapport_outbox
    FOR EACH STATEMENT
    EXECUTE FUNCTION rapport_outbox_notify();
