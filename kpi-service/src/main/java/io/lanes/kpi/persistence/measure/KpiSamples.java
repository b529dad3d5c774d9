package io.lanes.kpi.persistence.measure;

import io.lanes.contracts.KpiKey;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The values behind the KPIs that are medians, one per item (acceptance, escalation, matter), over the
 * context's first period: what a comparison of two cohorts ranks. Each is read with the KPI's own
 * period and scope predicates, so it is exactly the set the median is taken over.
 */
public final class KpiSamples {

    private static final Map<KpiKey, Function<KpiContext, Uni<List<BigDecimal>>>> SAMPLES = new EnumMap<>(KpiKey.class);

    static {
        SAMPLES.put(KpiKey.INTAKE_TO_OPEN_HOURS, c -> values(c, OpsKpis.INTAKE_TO_OPEN_SAMPLE));
        SAMPLES.put(KpiKey.BUDGET_VARIANCE_PCT, PmKpis::budgetVarianceSample);
        SAMPLES.put(KpiKey.ESCALATION_RESOLUTION_HOURS, c -> values(c, PmKpis.RESOLUTION_SAMPLE));
        SAMPLES.put(KpiKey.CYCLE_TIME_VS_PLAN, c -> values(c, PmKpis.CYCLE_SAMPLE));
    }

    private KpiSamples() {}

    /** Whether the KPI is a median whose values can be read one by one. */
    public static boolean holds(KpiKey key) {
        return SAMPLES.containsKey(key);
    }

    /** The values the KPI's median is taken over, in the context's first period. */
    public static Uni<List<BigDecimal>> of(KpiKey key, KpiContext context) {
        Function<KpiContext, Uni<List<BigDecimal>>> sample = SAMPLES.get(key);
        if (sample == null) {
            throw new IllegalArgumentException(key.key() + " is not a median");
        }
        return sample.apply(context);
    }

    private static Uni<List<BigDecimal>> values(KpiContext c, String sql) {
        return c.query(sql).map(rows -> {
            List<BigDecimal> values = new ArrayList<>();
            for (Row row : rows) {
                if (row.getLong(0) == 1) {
                    values.add(row.getBigDecimal(1));
                }
            }
            return values;
        });
    }
}
