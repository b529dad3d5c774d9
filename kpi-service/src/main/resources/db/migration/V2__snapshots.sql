-- The weekly scorecard snapshots (Monday 06:00 UTC) and the first slot the service was due to produce:
-- reportDeliveryRate is the share of due slots produced within the hour.
CREATE TABLE kpi_snapshot (
    scheduled_for timestamptz PRIMARY KEY,
    produced_at   timestamptz NOT NULL,
    period_from   date        NOT NULL,
    period_to     date        NOT NULL,
    scorecards    jsonb       NOT NULL
);

CREATE TABLE kpi_snapshot_schedule (
    id         int         PRIMARY KEY CHECK (id = 1),
    first_slot timestamptz NOT NULL
);
