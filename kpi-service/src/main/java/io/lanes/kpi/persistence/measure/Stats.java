package io.lanes.kpi.persistence.measure;

import io.lanes.kpi.scorecard.Kpi;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of docs/kpis.md (rates to 4 decimals, hours to 2, HALF_UP) and the SQL it is computed
 * with: a median is the middle value or the mean of the two middle values, a p90 the value of nearest
 * rank ceil(0.9 n) (PostgreSQL's percentile_disc), both exact over numeric.
 */
final class Stats {

    private Stats() {}

    /** The median of {@code expression} in SQL. */
    static String median(String expression) {
        return "(percentile_disc(0.5) WITHIN GROUP (ORDER BY " + expression + ") + percentile_disc(0.5) WITHIN GROUP "
                + "(ORDER BY " + expression + " DESC)) / 2";
    }

    /** The p90 (nearest rank) of {@code expression} in SQL. */
    static String p90(String expression) {
        return "percentile_disc(0.9) WITHIN GROUP (ORDER BY " + expression + ")";
    }

    /** Hours between two timestamp expressions in SQL, exact. */
    static String hours(String from, String to) {
        return "(extract(epoch FROM " + to + " - " + from + ") / 3600)";
    }

    static Kpi.Measurement rate(long numerator, long denominator, Map<String, Object> details) {
        BigDecimal value = denominator == 0
                ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
        return new Kpi.Measurement(value, "ratio", numerator, denominator, denominator, details);
    }

    static BigDecimal round(BigDecimal value, int decimals) {
        return value == null ? null : value.setScale(decimals, RoundingMode.HALF_UP);
    }

    /** The rows of a per-period query by period (column 0 is the 1-based period), null where it had none. */
    static List<Row> byPeriod(RowSet<Row> rows, int periods) {
        List<Row> indexed = new ArrayList<>(Collections.nCopies(periods, null));
        for (Row row : rows) {
            indexed.set(row.getLong(0).intValue() - 1, row);
        }
        return indexed;
    }

    /** Every row of a per-period query, grouped by period. */
    static List<List<Row>> allByPeriod(RowSet<Row> rows, int periods) {
        List<List<Row>> grouped = new ArrayList<>();
        for (int i = 0; i < periods; i++) {
            grouped.add(new ArrayList<>());
        }
        for (Row row : rows) {
            grouped.get(row.getLong(0).intValue() - 1).add(row);
        }
        return grouped;
    }

    static long count(Row row, int column) {
        return row == null ? 0 : row.getLong(column);
    }

    static BigDecimal decimal(Row row, int column) {
        return row == null ? null : row.getBigDecimal(column);
    }
}
