-- Outbox rows Kafka refused for good (too large, not authorised, ...): parked here by the relay with
-- the reason, so they never hold back other streams. Later rows of a parked row's stream wait in
-- lanes_outbox (their order must hold) until an admin retries it.
CREATE TABLE lanes_outbox_parked (
    position   bigint      PRIMARY KEY REFERENCES lanes_event (position),
    stream_id  text        NOT NULL,
    reason     text        NOT NULL,
    attempts   integer     NOT NULL DEFAULT 1,
    parked_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX lanes_outbox_parked_stream ON lanes_outbox_parked (stream_id);
