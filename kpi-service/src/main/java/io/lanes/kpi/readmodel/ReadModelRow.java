package io.lanes.kpi.readmodel;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

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
        return values.subList(0, table.keyWidth());
    }

    /** The values as the text the statements cast from. */
    List<String> texts() {
        return values.stream().map(v -> v == null ? null : Objects.toString(v)).toList();
    }
}
