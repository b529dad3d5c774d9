package io.lanes.kpi.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lanes.contracts.LanesEvent;
import io.lanes.contracts.matter.Budget;
import io.lanes.contracts.matter.HandoffAccepted;
import io.lanes.contracts.matter.MilestoneSlipped;
import io.lanes.kpi.facts.Facts;
import io.lanes.kpi.scorecard.KpiContext;
import io.lanes.kpi.scorecard.KpiFixture;
import io.lanes.kpi.scorecard.Period;
import io.lanes.kpi.scorecard.Scope;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The decision test of docs/kpis.md, given facts, when diagnosed, then the verdict. */
class DecisionTestTest {

    static final Period FEBRUARY = new Period(LocalDate.parse("2025-02-01"), LocalDate.parse("2025-03-01"));
    static final Instant OPENED = Instant.parse("2025-01-10T10:00:00Z");

    /** Five matters opened in January, so open all February (the portfolio). */
    private final List<UUID> matters =
            IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID()).collect(Collectors.toList());

    private final List<LanesEvent> events = new ArrayList<>();

    DecisionTestTest() {
        matters.forEach(m -> events.add(new HandoffAccepted(
                m,
                null,
                UUID.randomUUID(),
                OPENED.minusSeconds(3600),
                "p.kim",
                "construction",
                "construction-claim",
                "construction-team",
                "alice",
                1,
                true,
                "EUR",
                new Budget(new BigDecimal("1000"), List.of()),
                List.of(),
                LocalDate.parse("2025-06-30"),
                OPENED)));
    }

    private void slip(UUID matter, String due) {
        UUID milestone = UUID.randomUUID();
        events.add(new MilestoneSlipped(
                matter,
                milestone,
                "filing",
                "Filing",
                LocalDate.parse(due),
                LocalDate.parse(due).plusDays(3),
                3,
                "pm",
                "L100",
                false,
                UUID.randomUUID(),
                LocalDate.parse(due)
                        .plusDays(3)
                        .atStartOfDay(java.time.ZoneOffset.UTC)
                        .toInstant()));
    }

    private Diagnosis diagnose() {
        return DecisionTest.diagnose(new KpiContext(
                Facts.of(events),
                FEBRUARY,
                Scope.ALL,
                Instant.parse("2026-01-01T00:00:00Z"),
                List.of(),
                KpiFixture.DEFAULTS));
    }

    @Test
    void failuresSpreadOverManyMattersAreFirmWide() {
        matters.forEach(m -> slip(m, "2025-02-10"));
        Diagnosis d = diagnose();
        // The top 20 % of five matters (one) holds 1 of 5 failures: spread.
        assertEquals(Diagnosis.Verdict.FIRM_WIDE, d.verdict());
        assertEquals(
                0, new BigDecimal("0.2").compareTo(d.evidence().concentration().topShare()));
        assertEquals(0, d.evidence().opsOff().size(), "opened in January: no ops KPI of February is off");
    }

    @Test
    void failuresHeldByOneMatterWithOpsOnTargetAreMatterSpecific() {
        slip(matters.get(2), "2025-02-03");
        slip(matters.get(2), "2025-02-10");
        slip(matters.get(2), "2025-02-17");
        Diagnosis d = diagnose();
        assertEquals(Diagnosis.Verdict.MATTER_SPECIFIC, d.verdict());
        assertEquals(matters.get(2), d.evidence().failingMatters().get(0).matterId());
        assertEquals(3, d.evidence().failingMatters().get(0).slips());
        assertEquals(
                List.of("onTimeMilestoneRate"),
                d.evidence().pmOff().stream().map(Diagnosis.OffKpi::key).collect(Collectors.toList()));
    }

    @Test
    void noFailuresAndOpsOnTargetIsHealthy() {
        Diagnosis d = diagnose();
        assertEquals(Diagnosis.Verdict.HEALTHY, d.verdict());
        assertEquals(0, d.evidence().concentration().failures());
    }
}
