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

    /** A row with every column's value, in column order. */
    static ReadModelRow of(ReadModel table, Object... values) {
        return new ReadModelRow(table, Arrays.asList(values));
    }

    /** A row that sets some columns by name: the others stay null, which every merge leaves alone. */
    static Partial in(ReadModel table) {
        return new Partial(table);
    }

    /** The columns of a partial row, set by name. */
    static final class Partial {

        private final ReadModel table;
        private final Object[] values;

        private Partial(ReadModel table) {
            this.table = table;
            this.values = new Object[table.width()];
        }

        Partial set(String column, Object value) {
            values[table.column(column)] = value;
            return this;
        }

        ReadModelRow row() {
            return new ReadModelRow(table, Arrays.asList(values));
        }
    }

    /** The primary key's values: two rows with the same key cannot go in one upsert statement. */
    List<Object> key() {
        return new ArrayList<>(values.subList(0, table.keyWidth()));
    }
}
