package io.lanes.kpi.scorecard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One KPI of a scorecard, as docs/kpis.md defines it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Kpi(
        @Schema(description = "The KPI key of docs/kpis.md") String key,

        @Schema(description = "null when there is no data (the denominator is 0)")
        BigDecimal value,

        @Schema(
                description =
                        "ratio (0..1, 4 decimals), hours (2 decimals), percent, score, amount, count or matters per attorney")
        String unit,

        @Schema(description = "For rates: the count that met the definition")
        Long numerator,

        @Schema(description = "For rates: the count it is a share of")
        Long denominator,

        @Schema(description = "How many events or items the value is computed from")
        long sampleSize,

        @Schema(description = "From the matter type's latest playbook kpiTargets, else the firm default")
        BigDecimal target,

        KpiStatus status,

        @Schema(description = "KPI-specific breakdowns (p90, counts by reason, matters above threshold, ...)")
        Map<String, Object> details) {

    /** The raw measurement, before a target is applied. */
    public record Measurement(
            BigDecimal value,
            String unit,
            Long numerator,
            Long denominator,
            long sampleSize,
            Map<String, Object> details) {}

    public static Kpi judged(String key, Measurement m, BigDecimal target, boolean higherIsBetter) {
        KpiStatus status;
        if (m.value() == null || target == null) {
            status = KpiStatus.NO_DATA;
        } else {
            int comparison = m.value().compareTo(target);
            status = (higherIsBetter ? comparison >= 0 : comparison <= 0) ? KpiStatus.ON_TARGET : KpiStatus.OFF_TARGET;
        }
        return new Kpi(
                key, m.value(), m.unit(), m.numerator(), m.denominator(), m.sampleSize(), target, status, m.details());
    }
}
