-- Every playbook version, from lanes.ops-config.v1: a handoff is planned from its packet's version.
CREATE TABLE playbook_version (
    matter_type  text    NOT NULL,
    version      integer NOT NULL,
    body         text    NOT NULL,   -- the playbook-published event data
    PRIMARY KEY (matter_type, version)
);

-- One row per matter for listings (handoff queue, matters, detection); the events are the truth.
CREATE TABLE matter_summary (
    matter_id     uuid        PRIMARY KEY,
    intake_id     uuid        NOT NULL,
    status        text        NOT NULL,
    matter_type   text        NOT NULL,
    practice_area text        NOT NULL,
    team          text        NOT NULL,
    matter_name   text        NOT NULL,
    client_name   text        NOT NULL,
    accepted_by   text,
    updated_at    timestamptz NOT NULL,
    version       bigint      NOT NULL
);
CREATE INDEX matter_summary_status ON matter_summary (status, updated_at DESC);
