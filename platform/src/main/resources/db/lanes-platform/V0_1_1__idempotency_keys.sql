-- Responses to creating POSTs, kept per Idempotency-Key so a retried request gets the original answer.
CREATE TABLE lanes_idempotency_key (
    id            text        PRIMARY KEY,  -- sha-256 of operation, principal and key
    operation     text        NOT NULL,
    principal     text        NOT NULL,
    request_hash  text        NOT NULL,
    status        integer     NOT NULL,
    location      text,
    body          text,
    created_at    timestamptz NOT NULL
);
CREATE INDEX lanes_idempotency_key_created_at ON lanes_idempotency_key (created_at);
