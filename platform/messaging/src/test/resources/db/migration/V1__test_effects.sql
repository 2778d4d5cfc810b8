-- Tables of the test application only (the library's own tables come from db/platform).

-- State changed together with an outbox append, to show both commit or roll back together.
CREATE TABLE test_note (
    id   uuid PRIMARY KEY,
    text text NOT NULL
);

-- Effect of the test handler: a counter per subject, deliberately not idempotent by itself, so a
-- second application of one event would show.
CREATE TABLE test_effect (
    subject text PRIMARY KEY,
    applied integer NOT NULL
);
