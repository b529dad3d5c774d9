package io.lanes.kpi.impact;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a published playbook version did: its matters' KPIs against those of the version before. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PlaybookImpact(
        String matterType,
        int version,
        Instant publishedAt,
        int previousVersion,
        Instant previousPublishedAt,

        @Schema(description = "Matters accepted on the version")
        long matters,

        @Schema(description = "Matters accepted on the version before")
        long previousMatters,

        @Schema(description = "First day measured: the day the version before was published (firm calendar)")
        LocalDate from,

        @Schema(description = "Day after the last day measured: tomorrow, so outcomes are as of now")
        LocalDate to,

        @Schema(description = "Items a cohort needs before a difference is tested")
        int minimumSample,

        @Schema(description = "A two-sided p-value below this is a difference beyond chance")
        BigDecimal significanceLevel,

        List<KpiImpact> kpis) {}
