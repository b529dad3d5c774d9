package io.lanes.kpi.readmodel;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The tables kpi-service writes as it consumes (db/migration V1, V3): the facts and the typed read
 * models. Each says how an arriving row merges with the one already there; every merge is
 * commutative and idempotent (insert once, LEAST, GREATEST, COALESCE of a value only one event sets,
 * or "the higher precedence key wins"), so the same events in any order, any number of times, give
 * the same rows.
 */
public enum ReadModel {
    FACT(
            "kpi_fact",
            "ce_id",
            null,
            "ce_id uuid",
            "ce_type text",
            "subject text",
            "matter_id uuid",
            "occurred_at timestamptz",
            "data jsonb"),
    INTAKE(
            "kpi_intake",
            "intake_id",
            String.join(
                    ", ",
                    preferred("practice_area", "profile_attempt"),
                    preferred("matter_type", "profile_attempt"),
                    "profile_attempt = GREATEST(t.profile_attempt, EXCLUDED.profile_attempt)",
                    "team = COALESCE(t.team, EXCLUDED.team)",
                    "first_submitted_at = LEAST(t.first_submitted_at, EXCLUDED.first_submitted_at)",
                    "first_complete = t.first_complete OR EXCLUDED.first_complete",
                    "completed_at = LEAST(t.completed_at, EXCLUDED.completed_at)"),
            "intake_id uuid",
            "practice_area text",
            "matter_type text",
            "profile_attempt integer",
            "team text",
            "first_submitted_at timestamptz",
            "first_complete boolean",
            "completed_at timestamptz"),
    MATTER(
            "kpi_matter",
            "matter_id",
            String.join(
                    ", ",
                    preferred("practice_area", "profile_rank"),
                    preferred("matter_type", "profile_rank"),
                    preferred("team", "profile_rank"),
                    "profile_rank = GREATEST(t.profile_rank, EXCLUDED.profile_rank)",
                    preferred("responsible_attorney", "plan_rank"),
                    preferred("playbook_version", "plan_rank"),
                    "plan_rank = GREATEST(t.plan_rank, EXCLUDED.plan_rank)",
                    once("accepted_at"),
                    once("intake_received_at"),
                    once("matter_number"),
                    once("plan_overrides"),
                    once("currency"),
                    once("budget"),
                    "budget_revised = t.budget_revised OR EXCLUDED.budget_revised",
                    once("planned_close"),
                    once("closed_at"),
                    once("opened_on"),
                    once("closed_on"),
                    once("close_planned")),
            "matter_id uuid",
            "practice_area text",
            "matter_type text",
            "team text",
            "profile_rank integer",
            "responsible_attorney text",
            "playbook_version integer",
            "plan_rank integer",
            "accepted_at timestamptz",
            "intake_received_at timestamptz",
            "matter_number text",
            "plan_overrides text",
            "currency text",
            "budget numeric",
            "budget_revised boolean",
            "planned_close date",
            "closed_at timestamptz",
            "opened_on date",
            "closed_on date",
            "close_planned date"),
    /** The budget at acceptance (a phase first named by a revision has none), and whether it was ever revised. */
    PHASE_BUDGET(
            "kpi_phase_budget",
            "matter_id, phase",
            once("budget") + ", revised = t.revised OR EXCLUDED.revised",
            "matter_id uuid",
            "phase text",
            "budget numeric",
            "revised boolean"),
    /** Every revision of a phase's budget or the TOTAL: the budget as of a moment is the latest before it. */
    BUDGET_REVISION(
            "kpi_budget_revision",
            "ce_id",
            null,
            "ce_id uuid",
            "matter_id uuid",
            "phase text",
            "amount numeric",
            "occurred_at timestamptz"),
    MILESTONE(
            "kpi_milestone",
            "milestone_id",
            String.join(
                    ", ",
                    once("matter_id"),
                    once("template_key"),
                    once("phase"),
                    once("hard_deadline"),
                    once("baseline_due"),
                    once("planned_at"),
                    once("completed_on"),
                    once("completed_at"),
                    once("completed_on_time"),
                    "slipped_at = LEAST(t.slipped_at, EXCLUDED.slipped_at)",
                    "deadline_missed_at = LEAST(t.deadline_missed_at, EXCLUDED.deadline_missed_at)"),
            "milestone_id uuid",
            "matter_id uuid",
            "template_key text",
            "phase text",
            "hard_deadline boolean",
            "baseline_due date",
            "planned_at timestamptz",
            "completed_on date",
            "completed_at timestamptz",
            "completed_on_time boolean",
            "slipped_at timestamptz",
            "deadline_missed_at timestamptz"),
    REPLAN("kpi_replan", "ce_id", null, "ce_id uuid", "milestone_id uuid", "occurred_at timestamptz"),
    SLIP("kpi_slip", "ce_id", null, "ce_id uuid", "matter_id uuid", "occurred_at timestamptz"),
    TASK(
            "kpi_task",
            "task_id",
            String.join(
                    ", ",
                    once("matter_id"),
                    "assigned_due = CASE WHEN EXCLUDED.assigned_key > t.assigned_key OR t.assigned_key IS NULL "
                            + "THEN COALESCE(EXCLUDED.assigned_due, t.assigned_due) ELSE t.assigned_due END",
                    "assigned_key = GREATEST(t.assigned_key, EXCLUDED.assigned_key)",
                    once("completed_due"),
                    once("completed_on"),
                    once("completed_at"),
                    once("on_time")),
            "task_id uuid",
            "matter_id uuid",
            "assigned_due date",
            "assigned_key text",
            "completed_due date",
            "completed_on date",
            "completed_at timestamptz",
            "on_time boolean"),
    ESCALATION(
            "kpi_escalation",
            "escalation_id",
            String.join(
                    ", ",
                    once("matter_id"),
                    once("cause"),
                    once("severity"),
                    once("related_id"),
                    once("assigned_to"),
                    "raised_at = LEAST(t.raised_at, EXCLUDED.raised_at)",
                    "resolved_at = LEAST(t.resolved_at, EXCLUDED.resolved_at)"),
            "escalation_id uuid",
            "matter_id uuid",
            "cause text",
            "severity text",
            "related_id text",
            "assigned_to text",
            "raised_at timestamptz",
            "resolved_at timestamptz"),
    STATUS_UPDATE(
            "kpi_status_update",
            "update_id",
            null,
            "update_id uuid",
            "matter_id uuid",
            "occurred_at timestamptz",
            "due_by date",
            "on_time boolean"),
    TIME(
            "kpi_time",
            "ce_id",
            null,
            "ce_id uuid",
            "matter_id uuid",
            "occurred_at timestamptz",
            "work_date date",
            "hours numeric",
            "amount numeric",
            "phase text",
            "timekeeper text",
            "role text",
            "admin boolean"),
    BUDGET_ALERT(
            "kpi_budget_alert", "ce_id", null, "ce_id uuid", "matter_id uuid", "occurred_at timestamptz", "level text"),
    WRITE_DOWN(
            "kpi_write_down",
            "ce_id",
            null,
            "ce_id uuid",
            "matter_id uuid",
            "occurred_at timestamptz",
            "amount numeric",
            "cause text"),
    FEEDBACK("kpi_feedback", "ce_id", null, "ce_id uuid", "matter_id uuid", "occurred_at timestamptz", "score integer"),
    REJECTION(
            "kpi_rejection", "ce_id", null, "ce_id uuid", "matter_id uuid", "occurred_at timestamptz", "reasons text"),
    PLAYBOOK(
            "kpi_playbook",
            "matter_type, version",
            null,
            "matter_type text",
            "version integer",
            "published_at timestamptz",
            "billing_timeliness_hours integer"),
    SCREEN(
            "kpi_screen",
            "matter_id, user_name",
            "screened = CASE WHEN EXCLUDED.decided_key > t.decided_key THEN EXCLUDED.screened ELSE t.screened END, "
                    + "decided_key = GREATEST(t.decided_key, EXCLUDED.decided_key)",
            "matter_id uuid",
            "user_name text",
            "screened boolean",
            "decided_key text"),
    KNOWN_VALUE("kpi_known_value", "kind, value", null, "kind text", "value text");

    private final String table;
    private final String key;
    private final String merge;
    private final List<String> columns;
    private final List<String> types;

    ReadModel(String table, String key, String merge, String... columns) {
        this.table = table;
        this.key = key;
        this.merge = merge;
        this.columns =
                Arrays.stream(columns).map(c -> c.substring(0, c.indexOf(' '))).collect(Collectors.toList());
        this.types =
                Arrays.stream(columns).map(c -> c.substring(c.indexOf(' ') + 1)).collect(Collectors.toList());
    }

    public String table() {
        return table;
    }

    /** The position of {@code column}; a name the table does not have is a programming error. */
    int column(String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException(table + " has no column " + column);
        }
        return index;
    }

    int width() {
        return columns.size();
    }

    /** How many leading values of a row are its primary key. */
    int keyWidth() {
        return key.split(",").length;
    }

    /**
     * A multi-row upsert into the table named with {@code suffix} (a rebuild writes beside the live
     * tables). Each column's values travel as one text array ({@code $n} is the n-th column) and are
     * cast here: the statement's text is the same for any number of rows, so it is parsed once per
     * connection, and it runs the same through a Hibernate session and a Vert.x pool.
     */
    String upsert(String suffix) {
        boolean carriesProfile = this == TIME;
        StringBuilder sql = new StringBuilder("INSERT INTO ")
                .append(table)
                .append(suffix)
                .append(" AS t (")
                .append(String.join(", ", columns))
                .append(carriesProfile ? ", " + TimeEntryProfiles.PROFILE : "")
                .append(") SELECT ");
        for (int c = 0; c < columns.size(); c++) {
            sql.append(c == 0 ? "" : ", ")
                    .append("CAST(v.c")
                    .append(c)
                    .append(" AS ")
                    .append(types.get(c))
                    .append(')');
        }
        sql.append(carriesProfile ? ", " + TimeEntryProfiles.PROFILE_OF_M : "").append(" FROM unnest(");
        for (int c = 0; c < columns.size(); c++) {
            sql.append(c == 0 ? "" : ", ").append("CAST($").append(c + 1).append(" AS text[])");
        }
        sql.append(") AS v (");
        for (int c = 0; c < columns.size(); c++) {
            sql.append(c == 0 ? "c" : ", c").append(c);
        }
        sql.append(')');
        if (carriesProfile) {
            sql.append(TimeEntryProfiles.matterOf(suffix, "CAST(v.c" + column("matter_id") + " AS uuid)"));
        }
        sql.append(" ON CONFLICT (").append(key).append(") DO ");
        sql.append(merge == null ? "NOTHING" : "UPDATE SET " + merge);
        return sql.toString();
    }

    /** A value only one event sets: whichever row carries it first keeps it. */
    private static String once(String column) {
        return column + " = COALESCE(t." + column + ", EXCLUDED." + column + ")";
    }

    /** The value of the row with the higher precedence wins (a row without precedence sets nothing). */
    private static String preferred(String column, String precedence) {
        return column + " = CASE WHEN EXCLUDED." + precedence + " IS NOT NULL AND (t." + precedence
                + " IS NULL OR EXCLUDED." + precedence + " > t." + precedence + ") THEN EXCLUDED." + column + " ELSE t."
                + column + " END";
    }
}
