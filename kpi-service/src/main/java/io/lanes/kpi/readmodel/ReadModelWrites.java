package io.lanes.kpi.readmodel;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the rows of a batch into few statements: one multi-row upsert per table, split where a key
 * repeats (PostgreSQL refuses to update one row twice in one statement) or a statement would grow
 * too large. A repeated key goes to a later statement: the merges make the order irrelevant.
 */
public final class ReadModelWrites {

    /** Rows per statement: bounds one statement's work and memory. */
    static final int MAX_ROWS = 5_000;

    private ReadModelWrites() {}

    /** The statements writing {@code rows} into the tables named with {@code suffix}. */
    public static List<SqlStatement> of(List<ReadModelRow> rows, String suffix) {
        Map<ReadModel, List<ReadModelRow>> byTable = new EnumMap<>(ReadModel.class);
        rows.forEach(row ->
                byTable.computeIfAbsent(row.table(), t -> new ArrayList<>()).add(row));
        List<SqlStatement> statements = new ArrayList<>();
        byTable.forEach((table, tableRows) -> {
            List<ReadModelRow> pending = tableRows;
            while (!pending.isEmpty()) {
                List<ReadModelRow> statement = new ArrayList<>();
                List<ReadModelRow> later = new ArrayList<>();
                Set<List<Object>> keys = new HashSet<>();
                for (ReadModelRow row : pending) {
                    if (statement.size() < MAX_ROWS && keys.add(row.key())) {
                        statement.add(row);
                    } else {
                        later.add(row);
                    }
                }
                List<String[]> columns = new ArrayList<>(table.width());
                for (int c = 0; c < table.width(); c++) {
                    columns.add(new String[statement.size()]);
                }
                for (int r = 0; r < statement.size(); r++) {
                    List<String> texts = statement.get(r).texts();
                    for (int c = 0; c < texts.size(); c++) {
                        columns.get(c)[r] = texts.get(c);
                    }
                }
                statements.add(new SqlStatement(table.upsert(suffix), columns));
                pending = later;
            }
        });
        return statements;
    }
}
