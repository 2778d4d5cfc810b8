-- Agents who handle complaints; last_assigned_at drives the round-robin (least recently assigned first).
CREATE TABLE agent (
    id               uuid PRIMARY KEY,
    name             text        NOT NULL,
    team             text        NOT NULL,
    categories       text[]      NOT NULL,
    available        boolean     NOT NULL,
    max_open         integer     NOT NULL CHECK (max_open > 0),
    created_at       timestamptz NOT NULL,
    last_assigned_at timestamptz
);
CREATE INDEX agent_by_category ON agent USING gin (categories);
