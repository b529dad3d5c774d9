package io.lanes.kpi.readmodel;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Turns the rows of a batch into few statements: one multi-row upsert per table, split where a key
 * repeats (PostgreSQL refuses to update one row twice in one statement) or a statement would grow
 * too large. A repeated key goes to a later statement: the merges make the order irrelevant. Last,
 * the {@link TimeEntryProfiles} the batch touched.
 */
public final class ReadModelWrites {

    /** Rows per statement: bounds one statement's work and memory. */
    static final int MAX_ROWS = 5_000;

    private ReadModelWrites() {}

    /**
     * A batch's statements: each table's, which touch no other table (so the tables may be written side by
     * side), then those that read what they wrote.
     */
    public record BatchWrites(List<List<SqlStatement>> byTable, List<SqlStatement> after) {

        /** Every statement, one after the other: each table's, then those after. */
        public List<SqlStatement> inTurn() {
            List<SqlStatement> all = new ArrayList<>();
            byTable.forEach(all::addAll);
            all.addAll(after);
            return all;
        }
    }

    /** The statements writing {@code rows} into the tables named with {@code suffix}, one after the other. */
    public static List<SqlStatement> of(List<ReadModelRow> rows, String suffix) {
        return byTable(rows, suffix).inTurn();
    }

    /** Gives every time entry of the tables named with {@code suffix} its matter's profile, in one statement. */
    public static String everyTimeEntryProfile(String suffix) {
        return TimeEntryProfiles.all(suffix);
    }

    /** The statements writing {@code rows} into the tables named with {@code suffix}, by table. */
    public static BatchWrites byTable(List<ReadModelRow> rows, String suffix) {
        // Equal rows merge to what one does (every merge is idempotent): many events name the same team.
        Map<ReadModel, Map<List<Object>, List<ReadModelRow>>> byKey = new EnumMap<>(ReadModel.class);
        for (ReadModelRow row : new LinkedHashSet<>(rows)) {
            byKey.computeIfAbsent(row.table(), t -> new LinkedHashMap<>())
                    .computeIfAbsent(row.key(), k -> new ArrayList<>(1))
                    .add(row);
        }
        List<List<SqlStatement>> byTable = new ArrayList<>();
        byKey.forEach((table, keys) -> {
            List<SqlStatement> statements = new ArrayList<>();
            byTable.add(statements);
            // Statement n takes the n-th row of every key: a key never repeats within one statement.
            int rounds = keys.values().stream().mapToInt(List::size).max().orElse(0);
            for (int round = 0; round < rounds; round++) {
                List<ReadModelRow> statement = new ArrayList<>(keys.size());
                for (List<ReadModelRow> sameKey : keys.values()) {
                    if (round < sameKey.size()) {
                        statement.add(sameKey.get(round));
                    }
                }
                for (int from = 0; from < statement.size(); from += MAX_ROWS) {
                    statements.add(statement(
                            table, suffix, statement.subList(from, Math.min(statement.size(), from + MAX_ROWS))));
                }
            }
        });
        // After every upsert: the time entries' copies of their matters' profiles read the rows just written.
        return new BatchWrites(byTable, TimeEntryProfiles.sync(rows, suffix));
    }

    private static SqlStatement statement(ReadModel table, String suffix, List<ReadModelRow> rows) {
        List<String[]> columns = new ArrayList<>(table.width());
        for (int c = 0; c < table.width(); c++) {
            columns.add(new String[rows.size()]);
        }
        for (int r = 0; r < rows.size(); r++) {
            List<Object> values = rows.get(r).values();
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                columns.get(c)[r] = value == null ? null : value.toString();
            }
        }
        return new SqlStatement(table.upsert(suffix), columns);
    }
}
