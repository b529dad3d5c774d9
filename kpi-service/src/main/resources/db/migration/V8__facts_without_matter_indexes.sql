-- The KPIs read the typed read models; no query reads the facts by matter any more (a rebuild reads
-- Kafka, the playbook reader reads by type). Two indexes fewer to keep per fact consumed.
DROP INDEX kpi_fact_matter;
DROP INDEX kpi_fact_matter_type;
