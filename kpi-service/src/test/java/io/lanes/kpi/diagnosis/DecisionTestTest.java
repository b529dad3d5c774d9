package io.lanes.kpi.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lanes.kpi.scorecard.Kpi;
import io.lanes.kpi.scorecard.KpiStatus;
import io.lanes.kpi.scorecard.Period;
import io.lanes.kpi.scorecard.Scope;
import io.lanes.kpi.scorecard.Scorecard;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The decision test of docs/kpis.md: given scorecards and failures by matter, when diagnosed, then the verdict. */
class DecisionTestTest {

    static final Period FEBRUARY = new Period(LocalDate.parse("2025-02-01"), LocalDate.parse("2025-03-01"));

    /** Five matters open in February (the portfolio). */
    private final List<UUID> matters =
            IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID()).collect(Collectors.toList());

    private final List<String> opsOff = new ArrayList<>();
    private final List<String> pmOff = new ArrayList<>();
    private final long[] slips = new long[5];

    @Test
    void failuresSpreadOverManyMattersAreFirmWide() {
        for (int m = 0; m < 5; m++) {
            slips[m] = 1;
        }
        pmOff.add("onTimeMilestoneRate");
        Diagnosis d = diagnose();
        // The top 20 % of five matters (one) holds 1 of 5 failures: spread.
        assertEquals(Diagnosis.Verdict.FIRM_WIDE, d.verdict());
        assertEquals(
                0, new BigDecimal("0.2").compareTo(d.evidence().concentration().topShare()));
        assertEquals(0, d.evidence().opsOff().size());
    }

    @Test
    void failuresHeldByOneMatterWithOpsOnTargetAreMatterSpecific() {
        slips[2] = 3;
        pmOff.add("onTimeMilestoneRate");
        Diagnosis d = diagnose();
        assertEquals(Diagnosis.Verdict.MATTER_SPECIFIC, d.verdict());
        assertEquals(matters.get(2), d.evidence().failingMatters().get(0).matterId());
        assertEquals(3, d.evidence().failingMatters().get(0).slips());
        assertEquals(
                List.of("onTimeMilestoneRate"),
                d.evidence().pmOff().stream().map(Diagnosis.OffKpi::key).collect(Collectors.toList()));
    }

    @Test
    void twoOpsKpisOffAndConcentratedPmFailuresAreBoth() {
        opsOff.add("sopAdoptionRate");
        opsOff.add("handoffReworkRate");
        slips[4] = 2;
        pmOff.add("onTimeMilestoneRate");
        Diagnosis d = diagnose();
        assertEquals(Diagnosis.Verdict.BOTH, d.verdict());
        assertEquals(2, d.evidence().opsOff().size());
        assertEquals(0, BigDecimal.ONE.compareTo(d.evidence().concentration().topShare()));
    }

    @Test
    void twoOpsKpisOffWithoutPmFailuresAreFirmWide() {
        opsOff.add("sopAdoptionRate");
        opsOff.add("dataCompletenessRate");
        assertEquals(Diagnosis.Verdict.FIRM_WIDE, diagnose().verdict());
    }

    @Test
    void noFailuresAndOpsOnTargetIsHealthy() {
        Diagnosis d = diagnose();
        assertEquals(Diagnosis.Verdict.HEALTHY, d.verdict());
        assertEquals(0, d.evidence().concentration().failures());
    }

    private Diagnosis diagnose() {
        List<MatterFailures> failures = new ArrayList<>();
        for (int m = 0; m < matters.size(); m++) {
            failures.add(new MatterFailures(matters.get(m), slips[m], 0, 0));
        }
        failures.sort(Comparator.comparingLong(MatterFailures::total)
                .reversed()
                .thenComparing(m -> m.matterId().toString()));
        return DecisionTest.diagnose(FEBRUARY, Scope.ALL, scorecard("ops", opsOff), scorecard("pm", pmOff), failures);
    }

    private static Scorecard scorecard(String kind, List<String> off) {
        List<Kpi> kpis = off.stream()
                .map(key -> new Kpi(
                        key,
                        new BigDecimal("0.5"),
                        "ratio",
                        1L,
                        2L,
                        2,
                        new BigDecimal("0.9"),
                        KpiStatus.OFF_TARGET,
                        Map.of()))
                .toList();
        return new Scorecard(
                kind, FEBRUARY.from(), FEBRUARY.to(), Map.of(), Instant.parse("2025-03-01T00:00:00Z"), kpis);
    }
}
