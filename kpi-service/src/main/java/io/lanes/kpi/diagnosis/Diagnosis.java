package io.lanes.kpi.diagnosis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of the decision test of docs/kpis.md. */
public record Diagnosis(
        LocalDate from,
        LocalDate to,
        Map<String, String> filters,
        Verdict verdict,
        String recommendation,
        Evidence evidence) {

    public enum Verdict {
        FIRM_WIDE,
        MATTER_SPECIFIC,
        BOTH,
        HEALTHY
    }

    public record OffKpi(String key, String scorecard, BigDecimal value, BigDecimal target) {}

    public record Concentration(
            @Schema(description = "Matters open in the period (the portfolio)")
            int matters,

            @Schema(description = "The top 20% of them by failure count (rounded up)")
            int topMatters,

            @Schema(description = "PM failures in the period: slips, overdue tasks, budget escalations")
            long failures,

            @Schema(description = "Share of the failures the top matters hold; null without failures")
            BigDecimal topShare) {}

    public record Evidence(
            List<OffKpi> opsOff,
            List<OffKpi> pmOff,
            Concentration concentration,

            @Schema(description = "The top matters that hold the failures")
            List<MatterFailures> failingMatters) {}
}
