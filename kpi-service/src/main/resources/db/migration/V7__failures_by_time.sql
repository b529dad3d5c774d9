-- The diagnosis counts a period's slips and escalation-level budget alerts from the period's rows (by
-- time), then joins them to its portfolio: one range scan each instead of a lookup per matter.
DROP INDEX kpi_slip_matter;
CREATE INDEX kpi_slip_time ON kpi_slip (occurred_at) INCLUDE (matter_id);
DROP INDEX kpi_budget_alert_matter;
CREATE INDEX kpi_budget_alert_time ON kpi_budget_alert (occurred_at) INCLUDE (matter_id, level);
