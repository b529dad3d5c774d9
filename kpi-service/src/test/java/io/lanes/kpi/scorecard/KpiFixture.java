package io.lanes.kpi.scorecard;

import io.lanes.contracts.LanesEvent;
import io.lanes.contracts.matter.Budget;
import io.lanes.contracts.matter.HandoffAccepted;
import io.lanes.contracts.matter.PlannedMilestone;
import io.lanes.kpi.facts.Facts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small in-memory firms for the KPI functions' unit tests: March 2025, judged after it ended. */
public final class KpiFixture {

    public static final Period MARCH = new Period(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-04-01"));
    public static final Instant AFTER_MARCH = Instant.parse("2025-04-15T00:00:00Z");

    /** Targets for the KPIs the tests judge; thresholds as the firm defaults ship. */
    public static final FirmDefaults DEFAULTS = new FirmDefaults() {
        @Override
        public Map<String, BigDecimal> targets() {
            return Map.of(
                    "intakeToOpenHours",
                    new BigDecimal("48"),
                    "sopAdoptionRate",
                    new BigDecimal("0.9"),
                    "handoffReworkRate",
                    new BigDecimal("0.1"),
                    "onTimeMilestoneRate",
                    new BigDecimal("0.85"),
                    "budgetVariancePct",
                    BigDecimal.TEN);
        }

        @Override
        public int billingTimelinessHours() {
            return 24;
        }

        @Override
        public BigDecimal budgetWarningPct() {
            return BigDecimal.TEN;
        }
    };

    private KpiFixture() {}

    /** What the scorecard of March sees of {@code events}, unfiltered. */
    public static KpiContext march(List<? extends LanesEvent> events) {
        return march(events, List.of());
    }

    public static KpiContext march(List<? extends LanesEvent> events, List<ReportDelivery> deliveries) {
        return new KpiContext(Facts.of(events), MARCH, Scope.ALL, AFTER_MARCH, deliveries, DEFAULTS);
    }

    public static Instant at(String dayTime) {
        return Instant.parse("2025-" + dayTime + ":00Z");
    }

    public static LocalDate day(String monthDay) {
        return LocalDate.parse("2025-" + monthDay);
    }

    /**
     * A matter accepted at {@code acceptedAt} on version {@code version} of the contract-review playbook,
     * with its intake received {@code hoursWaiting} before, a budget and milestones.
     */
    public static HandoffAccepted accepted(
            UUID matter,
            String acceptedAt,
            long hoursWaiting,
            String attorney,
            int version,
            String budget,
            PlannedMilestone... milestones) {
        Instant at = at(acceptedAt);
        return new HandoffAccepted(
                matter,
                null,
                UUID.randomUUID(),
                at.minusSeconds(hoursWaiting * 3600),
                "p.patel",
                "corporate",
                "contract-review",
                "deals",
                attorney,
                version,
                true,
                "USD",
                new Budget(new BigDecimal(budget), List.of()),
                List.of(milestones),
                day("06-30"),
                at);
    }

    public static PlannedMilestone milestone(UUID id, String due, boolean hardDeadline) {
        return new PlannedMilestone(id, "review", "Review", day(due), "associate", "L100", hardDeadline);
    }
}
