package io.lanes.kpi.readmodel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One row for a {@link ReadModel} table, its values in the table's column order (null allowed). */
public record ReadModelRow(ReadModel table, List<Object> values) {

    public ReadModelRow {
        if (values.size() != table.width()) {
            throw new IllegalArgumentException(table + " takes " + table.width() + " values, got " + values.size());
        }
    }

    static ReadModelRow of(ReadModel table, Object... values) {
        return new ReadModelRow(table, Arrays.asList(values));
    }

    /** The primary key's values: two rows with the same key cannot go in one upsert statement. */
    List<Object> key() {
        return new ArrayList<>(values.subList(0, table.keyWidth()));
    }
}
