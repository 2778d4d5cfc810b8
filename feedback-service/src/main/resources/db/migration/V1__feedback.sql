-- Feedback: one row per text a customer gave on a channel, with what the service read in it.
-- The text is personal data: erasure sets it to NULL and keeps the rest (scores, topics, times) for KPIs.
CREATE TABLE feedback (
    id              uuid PRIMARY KEY,
    customer_id     uuid        NOT NULL,
    channel         text        NOT NULL CHECK (channel IN ('survey', 'interview', 'review', 'phone', 'email', 'chat', 'social')),
    rating          smallint    CHECK (rating BETWEEN 1 AND 5),
    text            text,
    language        text        NOT NULL CHECK (language IN ('zh', 'en', 'other')),
    sentiment       text        NOT NULL CHECK (sentiment IN ('positive', 'neutral', 'negative')),
    sentiment_score double precision NOT NULL CHECK (sentiment_score BETWEEN -1 AND 1),
    topics          text[]      NOT NULL DEFAULT '{}',
    received_at     timestamptz NOT NULL,
    erased_at       timestamptz
);

-- Lists are newest first with the id as tie-breaker (the cursor is (received_at, id)).
CREATE INDEX feedback_by_received ON feedback (received_at DESC, id DESC);
CREATE INDEX feedback_by_customer ON feedback (customer_id, received_at DESC, id DESC);
CREATE INDEX feedback_by_topic ON feedback USING gin (topics);
