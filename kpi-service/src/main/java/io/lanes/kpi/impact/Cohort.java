package io.lanes.kpi.impact;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lanes.kpi.scorecard.Kpi;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A KPI over the matters accepted on one playbook version. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Cohort(
        @Schema(description = "The KPI's value over the cohort, null when it has no data")
        BigDecimal value,

        @Schema(description = "How many items (milestones, tasks, matters, escalations ...) the value is computed from")
        long sampleSize,

        @Schema(description = "For rates: the count that met the definition")
        Long numerator,

        @Schema(description = "For rates: the count it is a share of")
        Long denominator) {

    static Cohort of(Kpi.Measurement m) {
        return new Cohort(m.value(), m.sampleSize(), m.numerator(), m.denominator());
    }
}
