-- Calendar feeds: a calendar app fetches its URL without a bearer token, so the URL's token is the
-- secret; only its SHA-256 is kept. The feed shows what its owner could see when they made it.
CREATE TABLE calendar_feed (
    id          UUID PRIMARY KEY,
    token_hash  TEXT        NOT NULL UNIQUE,
    owner       TEXT        NOT NULL,
    owner_teams TEXT        NOT NULL, -- space-separated; * for every team
    team        TEXT,
    assignee    TEXT,
    created_at  TIMESTAMPTZ NOT NULL
);

-- The milestones of each matter, projected from lanes.matter.v1 for the feeds.
CREATE TABLE calendar_matter (
    matter_id            UUID PRIMARY KEY,
    matter_number        TEXT,
    team                 TEXT    NOT NULL,
    accepted_by          TEXT,
    responsible_attorney TEXT,
    closed               BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE TABLE calendar_milestone (
    milestone_id  UUID PRIMARY KEY,
    matter_id     UUID    NOT NULL REFERENCES calendar_matter (matter_id),
    name          TEXT    NOT NULL,
    due_date      DATE    NOT NULL,
    owner         TEXT,
    hard_deadline BOOLEAN NOT NULL,
    completed_on  DATE,
    sequence      INT     NOT NULL DEFAULT 0 -- raised on each replan, as RFC 5545 wants
);
CREATE INDEX calendar_milestone_matter ON calendar_milestone (matter_id);
