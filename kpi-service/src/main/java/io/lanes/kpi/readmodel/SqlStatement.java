package io.lanes.kpi.readmodel;

import java.util.List;

/** One statement of a batch write: SQL with {@code $n} placeholders, and for each a column's values as text. */
public record SqlStatement(String sql, List<String[]> values) {}
