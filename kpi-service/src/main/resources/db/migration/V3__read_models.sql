-- Typed read models the KPIs aggregate in SQL (docs/kpis.md), kept in the transaction of each consumed
-- batch. kpi_fact stays the source of truth for rebuilds. Every write is an upsert whose merge is
-- commutative and idempotent (LEAST, GREATEST, COALESCE, a precedence key, or insert-once), so the rows
-- converge to the same values whatever order the events arrive in and however often they are redelivered.

CREATE INDEX kpi_fact_matter_type ON kpi_fact (matter_id, ce_type);

-- One row per intake: its first submission (attempt 1, complete or not) and whether it ever completed.
-- Area and type come from the latest attempt (profile_attempt), the team from the completed packet.
CREATE TABLE kpi_intake (
    intake_id          uuid PRIMARY KEY,
    practice_area      text,
    matter_type        text,
    profile_attempt    integer,
    team               text,
    first_submitted_at timestamptz,
    first_complete     boolean NOT NULL DEFAULT false,
    completed_at       timestamptz
);
CREATE INDEX kpi_intake_first ON kpi_intake (first_submitted_at);

-- Set when kpi-service upgrades onto facts consumed before the read models existed: start-up rebuilds them.
CREATE TABLE kpi_read_model_backfill (needed boolean NOT NULL);
INSERT INTO kpi_read_model_backfill SELECT true WHERE EXISTS (SELECT 1 FROM kpi_fact);

-- One row per matter. The profile (area, type, team) comes from the strongest source seen:
-- profile_rank orders intake-complete < handoff-received (by packet attempt) < handoff-accepted.
CREATE TABLE kpi_matter (
    matter_id            uuid PRIMARY KEY,
    practice_area        text,
    matter_type          text,
    team                 text,
    profile_rank         integer,
    responsible_attorney text,
    playbook_version     integer,
    plan_rank            integer,
    accepted_at          timestamptz,
    intake_received_at   timestamptz,
    matter_number        text,
    plan_overrides       text,
    currency             text,
    budget               numeric,
    planned_close        date,
    closed_at            timestamptz,
    opened_on            date,
    closed_on            date,
    close_planned        date
);
CREATE INDEX kpi_matter_accepted ON kpi_matter (accepted_at);
CREATE INDEX kpi_matter_closed ON kpi_matter (closed_at);
-- The portfolio of a period (accepted before its end, not closed before its start) without reading history.
CREATE INDEX kpi_matter_open ON kpi_matter USING gist (tstzrange(accepted_at, closed_at, '[]'));

CREATE TABLE kpi_phase_budget (
    matter_id uuid    NOT NULL,
    phase     text    NOT NULL,
    budget    numeric NOT NULL,
    PRIMARY KEY (matter_id, phase)
);

-- One row per milestone: the baseline (first planned) due date, the latest replan, the outcome.
CREATE TABLE kpi_milestone (
    milestone_id       uuid PRIMARY KEY,
    matter_id          uuid NOT NULL,
    template_key       text,
    phase              text,
    hard_deadline      boolean,
    baseline_due       date,
    planned_at         timestamptz,
    completed_on       date,
    completed_at       timestamptz,
    completed_on_time  boolean,
    slipped_at         timestamptz,
    deadline_missed_at timestamptz
);
CREATE INDEX kpi_milestone_baseline ON kpi_milestone (baseline_due);
CREATE INDEX kpi_milestone_matter ON kpi_milestone (matter_id);

CREATE TABLE kpi_replan (
    ce_id        uuid PRIMARY KEY,
    milestone_id uuid        NOT NULL,
    occurred_at  timestamptz NOT NULL
);
CREATE INDEX kpi_replan_milestone ON kpi_replan (milestone_id);

CREATE TABLE kpi_slip (
    ce_id        uuid PRIMARY KEY,
    matter_id    uuid        NOT NULL,
    occurred_at  timestamptz NOT NULL
);
CREATE INDEX kpi_slip_matter ON kpi_slip (matter_id, occurred_at);

-- One row per task: the due date of its latest assignment (by occurrence, then event id) and its completion.
CREATE TABLE kpi_task (
    task_id       uuid PRIMARY KEY,
    matter_id     uuid NOT NULL,
    assigned_due  date,
    assigned_key  text,
    completed_due date,
    completed_on  date,
    completed_at  timestamptz,
    on_time       boolean
);
CREATE INDEX kpi_task_matter ON kpi_task (matter_id);
CREATE INDEX kpi_task_due ON kpi_task ((COALESCE(completed_due, assigned_due)));

CREATE TABLE kpi_escalation (
    escalation_id uuid PRIMARY KEY,
    matter_id     uuid NOT NULL,
    cause         text,
    severity      text,
    related_id    text,
    assigned_to   text,
    raised_at     timestamptz,
    resolved_at   timestamptz
);
CREATE INDEX kpi_escalation_matter ON kpi_escalation (matter_id);
CREATE INDEX kpi_escalation_resolved ON kpi_escalation (resolved_at);
CREATE INDEX kpi_escalation_raised ON kpi_escalation (raised_at);
-- Escalations open at an instant: raised before it, not resolved before it.
CREATE INDEX kpi_escalation_open ON kpi_escalation USING gist (tstzrange(raised_at, resolved_at, '(]'));

CREATE TABLE kpi_status_update (
    update_id   uuid PRIMARY KEY,
    matter_id   uuid        NOT NULL,
    occurred_at timestamptz NOT NULL,
    due_by      date        NOT NULL,
    on_time     boolean     NOT NULL
);
CREATE INDEX kpi_status_update_time ON kpi_status_update (occurred_at);
CREATE INDEX kpi_status_update_window ON kpi_status_update (matter_id, due_by);

-- One row per time entry, narrow: budgets, billing timeliness and admin hours aggregate it.
CREATE TABLE kpi_time (
    ce_id       uuid PRIMARY KEY,
    matter_id   uuid        NOT NULL,
    occurred_at timestamptz NOT NULL,
    work_date   date        NOT NULL,
    hours       numeric     NOT NULL,
    amount      numeric     NOT NULL,
    phase       text        NOT NULL,
    timekeeper  text        NOT NULL,
    role        text        NOT NULL,
    admin       boolean     NOT NULL
);
CREATE INDEX kpi_time_time ON kpi_time (occurred_at) INCLUDE (matter_id, work_date, hours, timekeeper, role, admin);
CREATE INDEX kpi_time_matter ON kpi_time (matter_id, occurred_at) INCLUDE (amount, phase);

CREATE TABLE kpi_budget_alert (
    ce_id       uuid PRIMARY KEY,
    matter_id   uuid        NOT NULL,
    occurred_at timestamptz NOT NULL,
    level       text        NOT NULL
);
CREATE INDEX kpi_budget_alert_matter ON kpi_budget_alert (matter_id, occurred_at);

CREATE TABLE kpi_write_down (
    ce_id       uuid PRIMARY KEY,
    matter_id   uuid        NOT NULL,
    occurred_at timestamptz NOT NULL,
    amount      numeric     NOT NULL,
    cause       text        NOT NULL
);
CREATE INDEX kpi_write_down_time ON kpi_write_down (occurred_at);

CREATE TABLE kpi_feedback (
    ce_id       uuid PRIMARY KEY,
    matter_id   uuid        NOT NULL,
    occurred_at timestamptz NOT NULL,
    score       integer     NOT NULL
);
CREATE INDEX kpi_feedback_time ON kpi_feedback (occurred_at);

CREATE TABLE kpi_rejection (
    ce_id       uuid PRIMARY KEY,
    matter_id   uuid        NOT NULL,
    occurred_at timestamptz NOT NULL,
    reasons     text        NOT NULL
);
CREATE INDEX kpi_rejection_time ON kpi_rejection (occurred_at);

CREATE TABLE kpi_playbook (
    matter_type              text        NOT NULL,
    version                  integer     NOT NULL,
    published_at             timestamptz NOT NULL,
    billing_timeliness_hours integer     NOT NULL,
    PRIMARY KEY (matter_type, version)
);

-- The latest screen or lift per matter and user (by occurrence, then event id) decides.
CREATE TABLE kpi_screen (
    matter_id  uuid    NOT NULL,
    user_name  text    NOT NULL,
    screened   boolean NOT NULL,
    decided_key text   NOT NULL,
    PRIMARY KEY (matter_id, user_name)
);

-- The filter values the facts name (practice areas, matter types, teams): what a filter may ask for.
CREATE TABLE kpi_known_value (
    kind  text NOT NULL,
    value text NOT NULL,
    PRIMARY KEY (kind, value)
);
