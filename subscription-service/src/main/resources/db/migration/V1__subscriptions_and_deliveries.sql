-- Webhook subscriptions as their events left them (the stream is the truth; this is the read model
-- the API lists and the router matches). Secrets are kept to sign; they never leave the service except
-- in the answer that creates or rotates them.
CREATE TABLE subscription (
    id                   UUID PRIMARY KEY,
    owner                TEXT        NOT NULL,
    url                  TEXT        NOT NULL,
    types                TEXT        NOT NULL, -- ce_types, space-separated
    matter_type          TEXT,
    team                 TEXT,
    cause                TEXT,
    severity             TEXT,
    description          TEXT,
    status               TEXT        NOT NULL,
    disabled_reason      TEXT,
    secret               TEXT        NOT NULL,
    previous_secret      TEXT,
    previous_secret_until TIMESTAMPTZ,
    failed_in_a_row      INT         NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ NOT NULL,
    version              BIGINT      NOT NULL
);
CREATE INDEX subscription_owner ON subscription (owner);

-- What the matter stream said of each matter, as of the latest event read: its type and team (for
-- filters) and who is screened from it (no deliveries to a screened owner).
CREATE TABLE matter_profile (
    matter_id   UUID PRIMARY KEY,
    matter_type TEXT NOT NULL,
    team        TEXT NOT NULL
);
CREATE TABLE matter_screen (
    matter_id UUID NOT NULL,
    user_id   TEXT NOT NULL,
    PRIMARY KEY (matter_id, user_id)
);

-- The escalation events read, as CloudEvents structured JSON, with what filters match on: the store
-- that replay reads from. seq is the order they were read in (a matter's in its stream order).
CREATE TABLE notice (
    seq         BIGSERIAL   UNIQUE,
    event_id    UUID PRIMARY KEY,
    matter_id   UUID        NOT NULL,
    ce_type     TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    matter_type TEXT,
    team        TEXT,
    cause       TEXT,
    severity    TEXT,
    body        TEXT        NOT NULL
);
CREATE INDEX notice_occurred_at ON notice (occurred_at);

-- One event for one subscription. PENDING until the endpoint answers 2xx (DELIVERED) or the retry
-- schedule runs out (FAILED); a lease marks one on the wire, so after a crash it is tried again.
CREATE TABLE delivery (
    subscription_id UUID        NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    event_id        UUID        NOT NULL REFERENCES notice (event_id),
    matter_id       UUID        NOT NULL,
    seq             BIGINT      NOT NULL,
    status          TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    lease_until     TIMESTAMPTZ,
    last_status     INT,
    last_error      TEXT,
    last_attempt_at TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (subscription_id, event_id)
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_matter_order ON delivery (subscription_id, matter_id, seq) WHERE status = 'PENDING';
CREATE INDEX delivery_log ON delivery (subscription_id, seq DESC);
