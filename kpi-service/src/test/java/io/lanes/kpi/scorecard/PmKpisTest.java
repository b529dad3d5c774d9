package io.lanes.kpi.scorecard;

import static io.lanes.kpi.scorecard.KpiFixture.accepted;
import static io.lanes.kpi.scorecard.KpiFixture.at;
import static io.lanes.kpi.scorecard.KpiFixture.day;
import static io.lanes.kpi.scorecard.KpiFixture.march;
import static io.lanes.kpi.scorecard.KpiFixture.milestone;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.matter.EscalationRaised;
import io.lanes.contracts.matter.EscalationResolved;
import io.lanes.contracts.matter.MatterClosed;
import io.lanes.contracts.matter.MilestoneCompleted;
import io.lanes.contracts.matter.MilestoneSlipped;
import io.lanes.contracts.matter.Severity;
import io.lanes.contracts.matter.StatusUpdateSent;
import io.lanes.contracts.matter.TaskAssigned;
import io.lanes.contracts.matter.TaskCompleted;
import io.lanes.contracts.matter.TimekeeperRole;
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
        Kpi.Measurement m = PmKpis.onTimeMilestoneRate(march(List.of(
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
                new MilestoneCompleted(MATTER, onTime, day("03-05"), day("03-05"), true, false, at("03-05T17:00")),
                new MilestoneCompleted(MATTER, late, day("03-10"), day("03-13"), false, false, at("03-13T17:00")),
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
        Kpi.Measurement m = PmKpis.overdueTaskRate(march(List.of(
                accepted(MATTER, "02-20T10:00", 1, "alice", 1, "1000"),
                task("t1", "03-05"),
                done("t1", "03-05", "03-04", true),
                task("t2", "03-10"),
                done("t2", "03-10", "03-12", false),
                task("t3", "03-20"))));
        assertEquals(new BigDecimal("0.6667"), m.value());
    }

    @Test
    void budgetVarianceIsTheMedianOverOpenMattersWithThoseAboveWarningListed() {
        // Budget 1,000 each: spent 1,200 -> +20.00 %, spent 500 -> -50.00 %; median -15.00; +20 >= 10 % warning.
        UUID over = UUID.randomUUID();
        UUID under = UUID.randomUUID();
        Kpi.Measurement m = PmKpis.budgetVariancePct(march(List.of(
                accepted(over, "02-20T10:00", 1, "alice", 1, "1000"),
                accepted(under, "02-20T10:00", 1, "alice", 1, "1000"),
                OpsKpisTest.time(over, TimekeeperRole.ATTORNEY, "12", false, "03-03", at("03-03T12:00")),
                OpsKpisTest.time(under, TimekeeperRole.ATTORNEY, "5", false, "03-03", at("03-03T12:00")))));
        assertEquals(new BigDecimal("-15.00"), m.value());
        assertEquals(
                List.of(Map.of("matterId", over, "variancePct", new BigDecimal("20.00"), "warningPct", BigDecimal.TEN)),
                m.details().get("mattersAboveWarning"));
    }

    @Test
    void aCadenceWindowWithoutAnUpdateCountsAsALateUpdate() {
        // Two updates in March (one on time) and one window of 03-20 that no update answered -> 1 / 3.
        Kpi.Measurement m = PmKpis.onTimeStatusUpdateRate(march(List.of(
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
        Kpi.Measurement m = PmKpis.escalationResolutionHours(march(List.of(
                accepted(MATTER, "02-20T10:00", 1, "alice", 1, "1000"),
                raised(first, "03-02T08:00"),
                resolved(first, "03-02T08:00", "03-02T12:00"),
                raised(second, "03-05T08:00"),
                resolved(second, "03-05T08:00", "03-05T18:00"),
                raised(UUID.randomUUID(), "03-09T08:00"))));
        assertEquals(new BigDecimal("7.00"), m.value());
        assertEquals(1L, m.details().get("openAtEnd"));
    }

    @Test
    void cycleTimeIsActualOverPlannedDurationOfMattersClosedInThePeriod() {
        // Planned 10 days, took 15 -> 1.5; planned 20, took 10 -> 0.5; median 1.0000, half at or under plan.
        Kpi.Measurement m = PmKpis.cycleTimeVsPlan(march(List.of(
                new MatterClosed(
                        UUID.randomUUID(), day("03-01"), day("03-11"), day("03-16"), "SIGNED", at("03-16T10:00")),
                new MatterClosed(
                        UUID.randomUUID(), day("03-01"), day("03-21"), day("03-11"), "SIGNED", at("03-11T10:00")))));
        assertEquals(new BigDecimal("1.0000"), m.value());
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
