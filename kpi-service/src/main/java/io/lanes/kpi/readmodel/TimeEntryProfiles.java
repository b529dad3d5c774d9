package io.lanes.kpi.readmodel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Each time entry carries a copy of its matter's profile (practice area, type, team, playbook
 * version), so the KPIs over a period's time entries filter and find the billing window without
 * looking up a matter per entry. After every batch the copies equal the matter rows: a new entry takes
 * its matter's profile as it is inserted, and a matter whose row the batch wrote passes its profile
 * to all its entries (the matter rows are written before the time entries, so an entry and its matter
 * in one batch agree either way). An entry whose matter is not known yet keeps nulls until a batch
 * writes that matter, so the copies converge whatever the arrival order.
 */
final class TimeEntryProfiles {

    /** The copied columns, and the same of matter {@code m}. */
    static final String PROFILE = "practice_area, matter_type, team, playbook_version";

    static final String PROFILE_OF_M = "m.practice_area, m.matter_type, m.team, m.playbook_version";
    private static final String PROFILE_OF_T = "t.practice_area, t.matter_type, t.team, t.playbook_version";

    private TimeEntryProfiles() {}

    /**
     * The join that gives the time entries' insert their matter {@code m} by {@code matterId}: each new
     * entry is written with its profile, not updated after it (an update of every new entry wrote each
     * one twice, indexes and all: 18 % of the catch-up's statement time).
     */
    static String matterOf(String suffix, String matterId) {
        return " LEFT JOIN kpi_matter" + suffix + " m ON m.matter_id = " + matterId;
    }

    /**
     * The statement that brings the copies of the matters a batch of {@code rows} wrote up to date. It
     * joins the batch's ids as a list the planner sees is short, so it probes indexes even on a
     * rebuild's fresh tables, which have no statistics yet (an {@code = ANY(...)} form scanned every entry).
     */
    static List<SqlStatement> sync(List<ReadModelRow> rows, String suffix) {
        Set<String> matters = new LinkedHashSet<>();
        for (ReadModelRow row : rows) {
            if (row.table() == ReadModel.MATTER) {
                matters.add(row.values().get(0).toString());
            }
        }
        if (matters.isEmpty()) {
            return List.of();
        }
        return List.of(new SqlStatement(
                update(
                        suffix,
                        "(SELECT CAST(id AS uuid) AS matter_id FROM unnest(CAST($1 AS text[])) AS id) batch, ",
                        "m.matter_id = batch.matter_id AND t.matter_id = batch.matter_id"),
                List.<String[]>of(matters.toArray(String[]::new))));
    }

    /** Brings every copy up to date in one pass (a rebuild's, once its bulk is in). */
    static String all(String suffix) {
        return update(suffix, "", "m.matter_id = t.matter_id");
    }

    /** The copies of the entries that {@code join} picks, from their matters (and {@code batch}, a FROM item and comma, or ""). */
    private static String update(String suffix, String batch, String join) {
        return "UPDATE kpi_time" + suffix + " t SET (" + PROFILE + ") = (" + PROFILE_OF_M + ") FROM " + batch
                + "kpi_matter" + suffix + " m WHERE " + join + " AND (" + PROFILE_OF_T + ") IS DISTINCT FROM ("
                + PROFILE_OF_M + ")";
    }
}
