package io.lanes.kpi.persistence.measure;

import static io.lanes.kpi.persistence.measure.KpiFixture.accepted;
import static io.lanes.kpi.persistence.measure.KpiFixture.acceptedWithTasks;
import static io.lanes.kpi.persistence.measure.KpiFixture.at;
import static io.lanes.kpi.persistence.measure.KpiFixture.day;
import static io.lanes.kpi.persistence.measure.KpiFixture.march;
import static io.lanes.kpi.persistence.measure.KpiFixture.measured;
import static io.lanes.kpi.persistence.measure.KpiFixture.milestone;
import static io.lanes.kpi.persistence.measure.KpiFixture.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lanes.contracts.KpiKey;
import io.lanes.contracts.LanesEvent;
import io.lanes.contracts.matter.BudgetRevised;
import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.matter.EscalationRaised;
import io.lanes.contracts.matter.EscalationResolved;
import io.lanes.contracts.matter.MatterClosed;
import io.lanes.contracts.matter.MilestoneCompleted;
import io.lanes.contracts.matter.MilestoneSlipped;
import io.lanes.contracts.matter.PlannedTask;
import io.lanes.contracts.matter.Severity;
import io.lanes.contracts.matter.StatusUpdateSent;
import io.lanes.contracts.matter.TaskAssigned;
import io.lanes.contracts.matter.TaskCompleted;
import io.lanes.contracts.matter.TimekeeperRole;
import io.lanes.kpi.scorecard.Kpi;
import io.lanes.kpi.scorecard.Scope;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The PM KPIs as pure functions of small in-memory firms; every expected number worked out in a comment. */
class PmKpisTest {

    private static final UUID MATTER = UUID.randomUUID();

    @Test
    void onTimeMilestonesAreTheShareCompletedByTheirDueDateOfThoseDecided() {
        // Due in March: completed on time, completed late, slipped and open; one open and not slipped is not yet
        // decided -> 1 / 3.
        UUID onTime = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        UUID slipped = UUID.randomUUID();
        UUID undecided = UUID.randomUUID();
        Kpi.Measurement m = measured(
                PmKpis::onTimeMilestoneRate,
                march(List.of(
                        accepted(
                                MATTER,
                                "02-20T10:00",
                                1,
                                "alice",
                                1,
                                "1000",
                                milestone(onTime, "03-05", false),
                                milestone(late, "03-10", false),
                                milestone(slipped, "03-12", false),
                                milestone(undecided, "03-31", false)),
                        new MilestoneCompleted(
                                MATTER, onTime, day("03-05"), day("03-05"), true, false, at("03-05T17:00")),
                        new MilestoneCompleted(
                                MATTER, late, day("03-10"), day("03-13"), false, false, at("03-13T17:00")),
                        new MilestoneSlipped(
                                MATTER,
                                slipped,
                                "review",
                                "Review",
                                day("03-12"),
                                day("03-15"),
                                3,
                                "associate",
                                "L100",
                                false,
                                UUID.randomUUID(),
                                at("03-15T06:00")))));
        assertEquals(new BigDecimal("0.3333"), m.value());
        assertEquals(3L, m.denominator());
    }

    @Test
    void overdueTasksAreThoseCompletedLateOrStillOpenAfterTheirDueDate() {
        // Due in March: done on time, done late, still open at the period's end -> 2 / 3.
        Kpi.Measurement m = measured(
                PmKpis::overdueTaskRate,
                march(List.of(
                        accepted(MATTER, "02-20T10:00", 1, "alice", 1, "1000"),
                        task("t1", "03-05"),
                        done("t1", "03-05", "03-04", true),
                        task("t2", "03-10"),
                        done("t2", "03-10", "03-12", false),
                        task("t3", "03-20"))));
        assertEquals(new BigDecimal("0.6667"), m.value());
    }

    @Test
    void thePlaybooksTasksFromTheAcceptanceCountLikeAssignedOnes() {
        // Given at acceptance: due 03-05 done on time, due 03-10 still open at the period's end -> 1 / 2.
        Kpi.Measurement m = measured(
                PmKpis::overdueTaskRate,
                march(List.of(
                        acceptedWithTasks(
                                MATTER,
                                "02-20T10:00",
                                new PlannedTask(taskId("t1"), "hold", null, "Hold", "alice", day("03-05")),
                                new PlannedTask(taskId("t2"), "budget", null, "Budget", "p.patel", day("03-10"))),
                        done("t1", "03-05", "03-04", true))));
        assertEquals(new BigDecimal("0.5000"), m.value());
        assertEquals(2L, m.denominator());
    }

    @Test
    void budgetVarianceComparesSpendWithEarnedValue() {
        // Budget 1,000 each in L100 with two L100 milestones. Ahead: one milestone done (EV 500), spent 1,200
        // -> +140.0 % (over plan); behind: both done (EV 1,000), spent 500 -> -50.0 %; median +45.0; a third
        // spent 300 with nothing done (EV 0): listed as spend before progress, not in the median.
        UUID ahead = UUID.randomUUID();
        UUID behind = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        UUID[] m = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        KpiContext c = march(List.of(
                accepted(
                        ahead,
                        "02-20T10:00",
                        1,
                        "alice",
                        1,
                        "1000",
                        milestone(m[0], "03-05", false),
                        milestone(m[1], "04-05", false)),
                accepted(
                        behind,
                        "02-20T10:00",
                        1,
                        "alice",
                        1,
                        "1000",
                        milestone(m[2], "03-05", false),
                        milestone(m[3], "03-10", false)),
                accepted(early, "02-20T10:00", 1, "alice", 1, "1000"),
                new MilestoneCompleted(ahead, m[0], day("03-05"), day("03-05"), true, false, at("03-05T17:00")),
                new MilestoneCompleted(behind, m[2], day("03-05"), day("03-05"), true, false, at("03-05T17:00")),
                new MilestoneCompleted(behind, m[3], day("03-10"), day("03-10"), true, false, at("03-10T17:00")),
                OpsKpisTest.time(ahead, TimekeeperRole.ATTORNEY, "12", false, "03-03", at("03-03T12:00")),
                OpsKpisTest.time(behind, TimekeeperRole.ATTORNEY, "5", false, "03-03", at("03-03T12:00")),
                OpsKpisTest.time(early, TimekeeperRole.ATTORNEY, "3", false, "03-03", at("03-03T12:00"))));
        Kpi.Measurement measurement = measured(PmKpis::budgetVariancePct, c);
        assertEquals(new BigDecimal("45.0"), measurement.value());
        assertEquals(2, measurement.sampleSize());
        assertEquals(List.of("-50", "140"), sample(KpiKey.BUDGET_VARIANCE_PCT, c));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> over =
                (List<Map<String, Object>>) measurement.details().get("mattersOverPlan");
        assertEquals(1, over.size());
        assertEquals(ahead, over.get(0).get("matterId"));
        assertEquals(new BigDecimal("140.0"), over.get(0).get("variancePct"));
        assertEquals(new BigDecimal("0.5000"), measurement.details().get("shareOverPlan"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> before =
                (List<Map<String, Object>>) measurement.details().get("spendBeforeProgress");
        assertEquals(early, before.get(0).get("matterId"));
        assertEquals(new BigDecimal("30.0"), before.get(0).get("consumedPct"));
    }

    @Test
    void theLatestBudgetRevisionReplacesTheBudgetWhateverTheArrivalOrder() {
        // L100 1,000 with two milestones, one done, 1,200 spent: +140.0 % against the acceptance budget. Revised
        // to 1,500 on 03-06 and to 2,000 on 03-08: EV 2,000 x 1/2 = 1,000 -> +20.0 %, though the later revision
        // is consumed in a batch before the acceptance and the earlier one. A closed matter's TOTAL revised from
        // 1,000 to 800, 1,000 spent -> +25.0 %. Median of +20.0 and +25.0: +22.5.
        UUID open = UUID.randomUUID();
        UUID closed = UUID.randomUUID();
        UUID[] m = {UUID.randomUUID(), UUID.randomUUID()};
        List<List<? extends LanesEvent>> batches = List.of(
                List.of(
                        revised(open, "L100", "1500", "2000", "03-08T09:00"),
                        revised(closed, BudgetRevised.TOTAL, "1000", "800", "03-02T09:00")),
                List.of(
                        accepted(
                                open,
                                "02-20T10:00",
                                1,
                                "alice",
                                1,
                                "1000",
                                milestone(m[0], "03-05", false),
                                milestone(m[1], "04-05", false)),
                        accepted(closed, "02-20T10:00", 1, "alice", 1, "1000"),
                        revised(open, "L100", "1000", "1500", "03-06T09:00"),
                        new MilestoneCompleted(open, m[0], day("03-05"), day("03-05"), true, false, at("03-05T17:00")),
                        OpsKpisTest.time(open, TimekeeperRole.ATTORNEY, "12", false, "03-03", at("03-03T12:00")),
                        OpsKpisTest.time(closed, TimekeeperRole.ATTORNEY, "10", false, "03-03", at("03-03T12:00")),
                        new MatterClosed(
                                closed, day("02-20"), day("06-30"), day("03-20"), "settled", at("03-20T12:00"))));
        Kpi.Measurement measurement =
                measured(PmKpis::budgetVariancePct, KpiFixture.marchInBatches(Scope.ALL, batches));
        assertEquals(new BigDecimal("22.5"), measurement.value());
        assertEquals(2, measurement.sampleSize());
    }

    private static BudgetRevised revised(UUID matter, String phase, String previous, String amount, String at) {
        return new BudgetRevised(
                matter, phase, new BigDecimal(previous), new BigDecimal(amount), "scope change", "p.patel", at(at));
    }

    @Test
    void aCadenceWindowWithoutAnUpdateCountsAsALateUpdate() {
        // Two updates in March (one on time) and one window of 03-20 that no update answered -> 1 / 3.
        Kpi.Measurement m = measured(
                PmKpis::onTimeStatusUpdateRate,
                march(List.of(
                        accepted(MATTER, "02-20T10:00", 1, "alice", 1, "1000"),
                        new StatusUpdateSent(
                                MATTER, UUID.randomUUID(), day("03-06"), day("03-05"), true, "ok", at("03-05T10:00")),
                        new StatusUpdateSent(
                                MATTER, UUID.randomUUID(), day("03-12"), day("03-14"), false, "ok", at("03-14T10:00")),
                        new EscalationRaised(
                                MATTER,
                                UUID.randomUUID(),
                                EscalationCause.STATUS_UPDATE_OVERDUE,
                                Severity.WARNING,
                                "2025-03-20",
                                "p.patel",
                                at("03-21T06:00")))));
        assertEquals(new BigDecimal("0.3333"), m.value());
        assertEquals(1L, m.details().get("windowsWithoutUpdate"));
    }

    @Test
    void escalationResolutionIsTheMedianOfThoseResolvedInThePeriod() {
        // Resolved after 4 h and 10 h -> median 7.00; a third raised and never resolved is open at the end.
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        KpiContext c = march(List.of(
                accepted(MATTER, "02-20T10:00", 1, "alice", 1, "1000"),
                raised(first, "03-02T08:00"),
                resolved(first, "03-02T08:00", "03-02T12:00"),
                raised(second, "03-05T08:00"),
                resolved(second, "03-05T08:00", "03-05T18:00"),
                raised(UUID.randomUUID(), "03-09T08:00")));
        Kpi.Measurement m = measured(PmKpis::escalationResolutionHours, c);
        assertEquals(new BigDecimal("7.00"), m.value());
        assertEquals(List.of("4", "10"), sample(KpiKey.ESCALATION_RESOLUTION_HOURS, c));
        assertEquals(1L, m.details().get("openAtEnd"));
    }

    @Test
    void cycleTimeIsActualOverPlannedDurationOfMattersClosedInThePeriod() {
        // Planned 10 days, took 15 -> 1.5; planned 20, took 10 -> 0.5; median 1.0000, half at or under plan.
        KpiContext c = march(List.of(
                new MatterClosed(
                        UUID.randomUUID(), day("03-01"), day("03-11"), day("03-16"), "SIGNED", at("03-16T10:00")),
                new MatterClosed(
                        UUID.randomUUID(), day("03-01"), day("03-21"), day("03-11"), "SIGNED", at("03-11T10:00"))));
        Kpi.Measurement m = measured(PmKpis::cycleTimeVsPlan, c);
        assertEquals(new BigDecimal("1.0000"), m.value());
        assertEquals(List.of("0.5", "1.5"), sample(KpiKey.CYCLE_TIME_VS_PLAN, c));
        assertEquals(new BigDecimal("0.5000"), m.details().get("shareAtOrUnderPlan"));
    }

    private static UUID taskId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static TaskAssigned task(String name, String due) {
        return new TaskAssigned(MATTER, taskId(name), null, name, "associate", day(due), at("02-25T10:00"));
    }

    private static TaskCompleted done(String name, String due, String on, boolean onTime) {
        return new TaskCompleted(MATTER, taskId(name), "associate", day(due), day(on), onTime, at(on + "T17:00"));
    }

    private static EscalationRaised raised(UUID id, String at) {
        return new EscalationRaised(
                MATTER, id, EscalationCause.MILESTONE_SLIPPED, Severity.WARNING, "x", "p.patel", at(at));
    }

    private static EscalationResolved resolved(UUID id, String raisedAt, String at) {
        return new EscalationResolved(
                MATTER, id, EscalationCause.MILESTONE_SLIPPED, at(raisedAt), "p.patel", "done", at(at));
    }
}
