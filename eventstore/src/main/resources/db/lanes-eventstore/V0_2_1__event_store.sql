-- The event store: every state change of the service, append-only.
CREATE TABLE lanes_event (
    position        bigserial    PRIMARY KEY,   -- global order of insertion (not commit order)
    stream_id       text         NOT NULL,
    stream_type     text         NOT NULL,
    version         bigint       NOT NULL CHECK (version > 0),
    event_id        uuid         NOT NULL,      -- the CloudEvents ce_id
    ce_type         text         NOT NULL,      -- stable type name, never a Java class name
    data            jsonb        NOT NULL,
    metadata        jsonb        NOT NULL DEFAULT '{}'::jsonb,
    occurred_at     timestamptz  NOT NULL,
    recorded_at     timestamptz  NOT NULL DEFAULT clock_timestamp(),
    transaction_id  xid8         NOT NULL DEFAULT pg_current_xact_id(),
    CONSTRAINT lanes_event_stream_version UNIQUE (stream_id, version),
    CONSTRAINT lanes_event_event_id UNIQUE (event_id)
);
CREATE INDEX lanes_event_stream_occurred ON lanes_event (stream_id, occurred_at);

-- Committed events of the published contract that Kafka has not yet acknowledged. The relay deletes
-- a row only after every topic of its event acknowledged it, so a late-committing transaction can
-- never be skipped: there is no high-water mark to overtake it.
CREATE TABLE lanes_outbox (
    position bigint PRIMARY KEY REFERENCES lanes_event (position)
);

-- Idempotent consumers: which CloudEvents a consumer has applied, written in the same transaction
-- as the read-model change.
CREATE TABLE lanes_processed_event (
    consumer      text        NOT NULL,
    ce_id         uuid        NOT NULL,
    processed_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (consumer, ce_id)
);

-- How far each consumer got per topic partition, for status and lag.
CREATE TABLE lanes_consumer_progress (
    consumer         text        NOT NULL,
    topic            text        NOT NULL,
    kafka_partition  integer     NOT NULL,
    next_offset      bigint      NOT NULL,
    last_event_time  timestamptz,
    updated_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (consumer, topic, kafka_partition)
);
