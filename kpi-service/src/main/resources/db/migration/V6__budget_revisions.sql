-- budget-revised (contract 1.1): the budget KPI measures a phase (or a closed matter's TOTAL) against
-- the latest revision before the period's end, else the budget at acceptance. The flags let the query
-- look for revisions only where there are some.
CREATE TABLE kpi_budget_revision (
    ce_id       uuid PRIMARY KEY,
    matter_id   uuid        NOT NULL,
    phase       text        NOT NULL,
    amount      numeric     NOT NULL,
    occurred_at timestamptz NOT NULL
);
CREATE INDEX kpi_budget_revision_phase ON kpi_budget_revision (matter_id, phase, occurred_at);

-- A phase first named by a revision has no budget at acceptance.
ALTER TABLE kpi_phase_budget ALTER COLUMN budget DROP NOT NULL;
ALTER TABLE kpi_phase_budget ADD COLUMN revised boolean;
ALTER TABLE kpi_matter ADD COLUMN budget_revised boolean;
