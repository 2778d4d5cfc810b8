-- Complaints (service tickets) with their SLA clocks and history. Subject, description and notes are
-- personal text: erasure sets them to NULL and keeps the rest for KPIs.
CREATE TABLE complaint (
    id                      uuid PRIMARY KEY,
    customer_id             uuid        NOT NULL,
    channel                 text        NOT NULL,
    category                text        NOT NULL,
    priority                text        NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    subject                 text,
    description             text,
    status                  text        NOT NULL CHECK (status IN ('new', 'acknowledged', 'in-progress',
                                                                   'waiting-on-customer', 'resolved', 'closed')),
    assignee                uuid,
    opened_at               timestamptz NOT NULL,
    first_response_due_at   timestamptz NOT NULL,
    resolution_due_at       timestamptz NOT NULL,
    first_responded_at      timestamptz,
    resolved_at             timestamptz,
    paused_since            timestamptz,
    erased_at               timestamptz,
    -- SLA notices claimed by the scanner (set in the same transaction as the event's outbox row: once each).
    first_response_warned_at   timestamptz,
    first_response_breached_at timestamptz,
    resolution_warned_at       timestamptz,
    resolution_breached_at     timestamptz
);

CREATE INDEX complaint_by_opened ON complaint (opened_at DESC, id DESC);
CREATE INDEX complaint_by_customer ON complaint (customer_id, opened_at DESC, id DESC);
CREATE INDEX complaint_by_assignee ON complaint (assignee) WHERE assignee IS NOT NULL;
-- The SLA scan reads open complaints only.
CREATE INDEX complaint_open_first_response ON complaint (first_response_due_at)
    WHERE first_responded_at IS NULL AND status NOT IN ('resolved', 'closed');
CREATE INDEX complaint_open_resolution ON complaint (resolution_due_at)
    WHERE resolved_at IS NULL AND status NOT IN ('resolved', 'closed');

CREATE TABLE complaint_history (
    id           bigserial PRIMARY KEY,
    complaint_id uuid        NOT NULL REFERENCES complaint (id),
    from_status  text,
    to_status    text        NOT NULL,
    at           timestamptz NOT NULL,
    note         text
);
CREATE INDEX complaint_history_by_complaint ON complaint_history (complaint_id, id);
