-- Every contract event kpi-service consumed, once (keyed by ce_id). KPIs are computed from these
-- facts at query time, so the order in which events of different topics arrive, and redelivery,
-- cannot change a number (see docs/kpi-service-plan.md).
CREATE TABLE kpi_fact (
    ce_id        uuid        PRIMARY KEY,
    ce_type      text        NOT NULL,
    subject      text        NOT NULL,   -- the aggregate id (intakeId, matterId, matterType)
    matter_id    uuid,                   -- the matter a matter or intake event belongs to
    occurred_at  timestamptz NOT NULL,
    data         jsonb       NOT NULL
);
CREATE INDEX kpi_fact_type_time ON kpi_fact (ce_type, occurred_at);
CREATE INDEX kpi_fact_matter ON kpi_fact (matter_id);
