-- Surveys, their answers and the invitations requested for them.
CREATE TABLE survey (
    id            uuid PRIMARY KEY,
    type          text        NOT NULL CHECK (type IN ('NPS', 'CSAT', 'CES')),
    question      text        NOT NULL,
    channel       text        NOT NULL CHECK (channel IN ('email', 'sms', 'phone', 'post')),
    throttle_days integer     NOT NULL CHECK (throttle_days >= 0),
    created_at    timestamptz NOT NULL
);

-- comment is personal text: erasure sets it to NULL and keeps the score.
CREATE TABLE survey_response (
    id          uuid PRIMARY KEY,
    survey_id   uuid        NOT NULL REFERENCES survey (id),
    customer_id uuid        NOT NULL,
    score       smallint    NOT NULL,
    comment     text,
    answered_at timestamptz NOT NULL
);
CREATE INDEX survey_response_by_survey ON survey_response (survey_id, answered_at);
CREATE INDEX survey_response_by_customer ON survey_response (customer_id, survey_id, answered_at);

CREATE TABLE survey_invitation (
    survey_id    uuid        NOT NULL REFERENCES survey (id),
    customer_id  uuid        NOT NULL,
    requested_at timestamptz NOT NULL
);
CREATE INDEX survey_invitation_by_customer ON survey_invitation (customer_id, survey_id, requested_at);

-- The latest consent statement per customer, channel and purpose, from customer-service's consent-changed.
CREATE TABLE consent (
    customer_id uuid        NOT NULL,
    channel     text        NOT NULL,
    purpose     text        NOT NULL,
    status      text        NOT NULL,
    captured_at timestamptz NOT NULL,
    PRIMARY KEY (customer_id, channel, purpose)
);
