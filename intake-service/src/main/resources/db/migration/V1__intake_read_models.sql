-- The latest playbook per matter type, from lanes.ops-config.v1, so intake keeps working while
-- ops-config-service is down.
CREATE TABLE local_playbook (
    matter_type   text        PRIMARY KEY,
    version       integer     NOT NULL,
    body          text        NOT NULL,   -- the playbook-published event data
    published_at  timestamptz NOT NULL
);

-- One row per intake for listing and paging; the intake's events are the truth.
CREATE TABLE intake_summary (
    id           uuid        PRIMARY KEY,
    status       text        NOT NULL,
    matter_type  text        NOT NULL,
    matter_name  text        NOT NULL,
    client_name  text        NOT NULL,
    attempts     integer     NOT NULL,
    created_by   text        NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      bigint      NOT NULL
);
CREATE INDEX intake_summary_listing ON intake_summary (status, matter_type, updated_at DESC);
