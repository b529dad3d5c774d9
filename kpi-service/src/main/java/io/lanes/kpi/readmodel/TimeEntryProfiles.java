package io.lanes.kpi.readmodel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Each time entry carries a copy of its matter's profile (practice area, type, team, playbook
 * version), so the KPIs over a period's time entries filter and find the billing window without
 * looking up a matter per entry. After every batch the copies equal the matter rows: the batch's
 * new entries take their matter's profile, and a matter whose row the batch wrote passes its profile
 * to all its entries. An entry whose matter is not known yet keeps nulls until a batch writes that
 * matter, so the copies converge whatever the arrival order.
 */
final class TimeEntryProfiles {

    private static final String PROFILE = "practice_area, matter_type, team, playbook_version";
    private static final String PROFILE_OF_T = "t.practice_area, t.matter_type, t.team, t.playbook_version";

    private TimeEntryProfiles() {}

    /**
     * The statements that bring the copies touched by a batch of {@code rows} up to date. Each joins
     * the batch's ids as a list the planner sees is short, so it probes indexes even on a rebuild's
     * fresh tables, which have no statistics yet (an {@code = ANY(...)} form scanned every entry).
     */
    static List<SqlStatement> sync(List<ReadModelRow> rows, String suffix) {
        Set<String> matters = new LinkedHashSet<>();
        Set<String> entries = new LinkedHashSet<>();
        for (ReadModelRow row : rows) {
            if (row.table() == ReadModel.MATTER) {
                matters.add(row.values().get(0).toString());
            } else if (row.table() == ReadModel.TIME) {
                entries.add(row.values().get(0).toString());
            }
        }
        List<SqlStatement> statements = new ArrayList<>(2);
        if (!entries.isEmpty()) {
            statements.add(new SqlStatement(
                    update(
                            suffix,
                            "(SELECT CAST(id AS uuid) AS ce_id FROM unnest(CAST($1 AS text[])) AS id) batch, ",
                            "t.ce_id = batch.ce_id AND m.matter_id = t.matter_id"),
                    List.<String[]>of(entries.toArray(String[]::new))));
        }
        if (!matters.isEmpty()) {
            statements.add(new SqlStatement(
                    update(
                            suffix,
                            "(SELECT CAST(id AS uuid) AS matter_id FROM unnest(CAST($1 AS text[])) AS id) batch, ",
                            "m.matter_id = batch.matter_id AND t.matter_id = batch.matter_id"),
                    List.<String[]>of(matters.toArray(String[]::new))));
        }
        return statements;
    }

    /** Brings every copy up to date in one pass (a rebuild's, once its bulk is in). */
    static String all(String suffix) {
        return update(suffix, "", "m.matter_id = t.matter_id");
    }

    /** The copies of the entries that {@code join} picks, from their matters (and {@code batch}, a FROM item and comma, or ""). */
    private static String update(String suffix, String batch, String join) {
        return "UPDATE kpi_time" + suffix + " t SET (" + PROFILE + ") = (m.practice_area, m.matter_type, m.team, "
                + "m.playbook_version) FROM " + batch + "kpi_matter" + suffix + " m WHERE " + join + " AND ("
                + PROFILE_OF_T + ") IS DISTINCT FROM (m.practice_area, m.matter_type, m.team, m.playbook_version)";
    }
}
