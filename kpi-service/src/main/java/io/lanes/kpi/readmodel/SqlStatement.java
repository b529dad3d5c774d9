package io.lanes.kpi.readmodel;

import java.util.List;

/** One statement of a batch write: SQL with {@code $n} placeholders and its text values. */
public record SqlStatement(String sql, List<String> values) {}
