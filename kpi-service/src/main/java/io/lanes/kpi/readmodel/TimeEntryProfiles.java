package io.lanes.kpi.readmodel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
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

    private TimeEntryProfiles() {}

    /** The statement that brings the copies touched by a batch of {@code rows} up to date, if any. */
    static Optional<SqlStatement> sync(List<ReadModelRow> rows, String suffix) {
        Set<String> matters = new LinkedHashSet<>();
        Set<String> entries = new LinkedHashSet<>();
        for (ReadModelRow row : rows) {
            if (row.table() == ReadModel.MATTER) {
                matters.add(row.values().get(0).toString());
            } else if (row.table() == ReadModel.TIME) {
                entries.add(row.values().get(0).toString());
            }
        }
        if (matters.isEmpty() && entries.isEmpty()) {
            return Optional.empty();
        }
        String sql = "UPDATE kpi_time" + suffix + " t SET (" + PROFILE + ") = (m.practice_area, m.matter_type, m.team, "
                + "m.playbook_version) FROM kpi_matter" + suffix + " m WHERE m.matter_id = t.matter_id AND "
                + "(t.matter_id = ANY(CAST(CAST($1 AS text[]) AS uuid[])) OR t.ce_id = ANY(CAST(CAST($2 AS text[]) AS "
                + "uuid[]))) AND (t.practice_area, t.matter_type, t.team, t.playbook_version) IS DISTINCT FROM "
                + "(m.practice_area, m.matter_type, m.team, m.playbook_version)";
        return Optional.of(
                new SqlStatement(sql, List.of(matters.toArray(String[]::new), entries.toArray(String[]::new))));
    }
}
