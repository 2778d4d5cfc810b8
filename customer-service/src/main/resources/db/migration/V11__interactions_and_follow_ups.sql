CREATE TABLE interaction (
    id              uuid          PRIMARY KEY,
    customer_id     uuid          NOT NULL REFERENCES customer (id),
    channel         varchar(10)   NOT NULL CHECK (channel IN ('phone', 'email', 'sms', 'meeting', 'chat', 'social', 'other')),
    direction       varchar(10)   NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    summary         varchar(2000) NOT NULL,
    occurred_at     timestamptz   NOT NULL,
    agent           varchar(100)  NOT NULL,
    idempotency_key varchar(100),
    recorded_at     timestamptz   NOT NULL,
    -- A key is unique per customer; NULLs (no key) never collide.
    CONSTRAINT interaction_idempotency_key_key UNIQUE (customer_id, idempotency_key)
);

-- A customer's interactions, newest first.
CREATE INDEX interaction_customer_occurred ON interaction (customer_id, occurred_at DESC, id DESC);

CREATE TABLE follow_up (
    id             uuid          PRIMARY KEY,
    customer_id    uuid          NOT NULL REFERENCES customer (id),
    title          varchar(200)  NOT NULL,
    due_at         timestamptz   NOT NULL,
    owner          varchar(100)  NOT NULL,
    note           varchar(2000),
    interaction_id uuid          REFERENCES interaction (id),
    status         varchar(10)   NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
    created_at     timestamptz   NOT NULL,
    closed_at      timestamptz,
    CONSTRAINT follow_up_closed_when_not_open CHECK ((status = 'open') = (closed_at IS NULL))
);

-- The work lists: by status (mostly open) and due time, optionally per owner or customer.
CREATE INDEX follow_up_status_due ON follow_up (status, due_at, id);
CREATE INDEX follow_up_owner_status_due ON follow_up (owner, status, due_at, id);
CREATE INDEX follow_up_customer_due ON follow_up (customer_id, due_at, id);
