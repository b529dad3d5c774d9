package io.lanes.matter.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lanes.contracts.MatterIds;
import io.lanes.contracts.Routing;
import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.intake.IntakeComplete.ChecklistEntry;
import io.lanes.contracts.intake.IntakeComplete.Client;
import io.lanes.contracts.intake.IntakeComplete.ClientKind;
import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.matter.RejectionCode;
import io.lanes.contracts.matter.RejectionReason;
import io.lanes.contracts.matter.TimekeeperRole;
import io.lanes.contracts.matter.VarianceLevel;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.contracts.opsconfig.PlaybookPublished.BudgetPhase;
import io.lanes.contracts.opsconfig.PlaybookPublished.ChecklistItem;
import io.lanes.contracts.opsconfig.PlaybookPublished.EscalationPath;
import io.lanes.contracts.opsconfig.PlaybookPublished.EscalationStep;
import io.lanes.contracts.opsconfig.PlaybookPublished.MilestoneTemplate;
import io.lanes.contracts.opsconfig.PlaybookPublished.Thresholds;
import io.lanes.matter.domain.MatterCommand.AcceptHandoff;
import io.lanes.matter.domain.MatterCommand.AssignTask;
import io.lanes.matter.domain.MatterCommand.BlockTask;
import io.lanes.matter.domain.MatterCommand.CloseMatter;
import io.lanes.matter.domain.MatterCommand.CompleteMilestone;
import io.lanes.matter.domain.MatterCommand.CompleteTask;
import io.lanes.matter.domain.MatterCommand.PlanMilestone;
import io.lanes.matter.domain.MatterCommand.ReassignEscalation;
import io.lanes.matter.domain.MatterCommand.RecordTime;
import io.lanes.matter.domain.MatterCommand.RejectHandoff;
import io.lanes.matter.domain.MatterCommand.ReplanMilestone;
import io.lanes.matter.domain.MatterCommand.ResolveEscalation;
import io.lanes.matter.domain.MatterCommand.ReviseBudget;
import io.lanes.matter.domain.MatterCommand.SendStatusUpdate;
import io.lanes.matter.domain.ReplayReport.BudgetAlertChange;
import io.lanes.matter.domain.ReplayReport.EscalationChange;
import io.lanes.matter.domain.ReplayReport.EscalationChangeKind;
import io.lanes.matter.domain.ReplayReport.Measure;
import io.lanes.matter.domain.ReplayReport.MilestoneChange;
import io.lanes.matter.domain.ReplayReport.MilestoneSide;
import io.lanes.matter.domain.ReplayReport.ReplayKpi;
import io.lanes.matter.domain.ReplayReport.Unit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Given matters lived under version 1 (by the live decider, as matter-service runs it), when a candidate
 * replays their history, then exactly the hand-computed differences. Version 1 warns at 80 % of a budget
 * line, escalates at 100 % and lets a milestone run 2 days past due before it slips; the candidate warns
 * at 60 %, escalates at 90 % and gives no grace. Accepted Monday 2 March 2026: the assessment is due 3
 * business days later (Thursday 5 March), pleadings 8 (Thursday 12 March); budget 10,000 split 5,000 L100
 * and 5,000 L200; budget escalations go to the team lead, slips to the PM.
 */
class MatterReplayTest {

    private static final ZoneId ZONE = ZoneOffset.UTC;
    private static final BusinessCalendar CALENDAR = new BusinessCalendar(Set.of());
    private static final LocalDate MONDAY = LocalDate.parse("2026-03-02");
    private static final LocalDate THROUGH = LocalDate.parse("2026-03-20");
    private static final Thresholds VERSION_1 =
            new Thresholds(new BigDecimal("80"), new BigDecimal("100"), 2, 30, 24, null, null);
    private static final Thresholds STRICTER =
            new Thresholds(new BigDecimal("60"), new BigDecimal("90"), 0, 30, 24, null, null);
    private static final PlaybookPublished AS_WAS = playbook(1, VERSION_1, 3, 8);
    private static final PlaybookPublished CANDIDATE = playbook(2, STRICTER, 3, 8);
    private static final Map<String, String> TEAM_LEADS = Map.of("litigation-east", "t.lead");

    private final MatterReplay replay = new MatterReplay(new MatterDecider(ZONE), ZONE, CALENDAR);

    @Test
    void aLowerWarningLevelWarnsThreeDaysEarlier() {
        List<Recorded> a = matterA();

        ReplayReport report = compare(CANDIDATE, a);

        UUID matter = matterOf(a);
        assertEquals(
                List.of(new BudgetAlertChange(matter, "2026-00001", "L200", VarianceLevel.WARNING, day(7), day(4), 3)),
                report.budgetAlerts(),
                "L200 reaches 60 % with the third 1,000 on Wednesday 4 March, 80 % with the fourth on Saturday 7");
        assertEquals(List.of(), report.escalations());
        assertEquals(List.of(), report.milestones());
    }

    @Test
    void aLowerEscalationLevelAddsOneEscalationForTheTeamLead() {
        List<Recorded> b = matterB();

        ReplayReport report = compare(CANDIDATE, b);

        UUID matter = matterOf(b);
        assertEquals(
                List.of(new BudgetAlertChange(
                        matter, "2026-00002", "L200", VarianceLevel.ESCALATION, null, day(2), null)),
                report.budgetAlerts(),
                "4,750 of 5,000 is 95 %: a warning on both sides, the same day; an escalation under the candidate only");
        assertEquals(
                List.of(new EscalationChange(
                        matter,
                        "2026-00002",
                        MatterRules.derivedId(matter, "budget:L200"),
                        EscalationCause.BUDGET_VARIANCE,
                        "L200",
                        EscalationChangeKind.ADDED,
                        day(2),
                        null,
                        "t.lead")),
                report.escalations());
    }

    @Test
    void aStricterSlipGraceTurnsAMilestoneDoneWithinGraceIntoASlip() {
        List<Recorded> c = matterC();

        ReplayReport report = compare(CANDIDATE, c);

        UUID matter = matterOf(c);
        UUID assessment = MatterRules.derivedId(matter, "milestone:assessment");
        assertEquals(
                List.of(new MilestoneChange(
                        matter,
                        "2026-00003",
                        assessment,
                        "Initial case assessment",
                        "assessment",
                        new MilestoneSide(day(5), day(6), false, null, false),
                        new MilestoneSide(day(5), day(6), false, day(6), false))),
                report.milestones(),
                "due Thursday 5, done Friday 6: inside version 1's 2 days of grace, a slip at Friday's detection with none");
        assertEquals(
                List.of(new EscalationChange(
                        matter,
                        "2026-00003",
                        MatterRules.derivedId(matter, "slip:" + assessment + ":" + day(5)),
                        EscalationCause.MILESTONE_SLIPPED,
                        assessment.toString(),
                        EscalationChangeKind.ADDED,
                        day(6),
                        null,
                        "p.patel")),
                report.escalations());
        assertEquals(List.of(), report.budgetAlerts());
    }

    @Test
    void theKpisTheCandidateMovesSideBySide() {
        ReplayReport report = compare(CANDIDATE, matterA(), matterB(), matterC());

        assertEquals(3, report.matters());
        assertEquals(3, report.reproduced(), "version 1 replayed gives exactly what was recorded live");
        assertEquals(
                List.of(
                        share("onTimeMilestoneRate", "0.8333", 5, 6, "0.8333", 5, 6, "0.0000"),
                        new ReplayKpi(
                                "overdueTaskRate", Unit.SHARE, new Measure(null, 0, 0), new Measure(null, 0, 0), null),
                        new ReplayKpi(
                                "missedDeadlineRate",
                                Unit.SHARE,
                                new Measure(null, 0, 0),
                                new Measure(null, 0, 0),
                                null),
                        new ReplayKpi(
                                "onTimeStatusUpdateRate",
                                Unit.SHARE,
                                new Measure(null, 0, 0),
                                new Measure(null, 0, 0),
                                null),
                        count("milestoneSlips", 0, 1),
                        count("budgetWarnings", 2, 2),
                        count("budgetEscalations", 0, 1),
                        count("escalationsRaised", 0, 2)),
                report.kpis());
    }

    @Test
    void theCandidatesOffsetsPlanTheMilestonesAnew() {
        PlaybookPublished earlier = playbook(2, VERSION_1, 2, 8);

        ReplayReport report = compare(earlier, matterA());

        UUID matter = matterOf(matterA());
        assertEquals(
                List.of(new MilestoneChange(
                        matter,
                        "2026-00001",
                        MatterRules.derivedId(matter, "milestone:assessment"),
                        "Initial case assessment",
                        "assessment",
                        new MilestoneSide(day(5), day(5), true, null, false),
                        new MilestoneSide(day(4), day(5), false, null, false))),
                report.milestones(),
                "2 business days from Monday is Wednesday 4: done Thursday 5 it is late, inside the grace");
        assertEquals(List.of(), report.budgetAlerts());
    }

    @Test
    void aCompletionOfAMilestoneTheCandidateNoLongerPlansIsRefusedAndCounted() {
        PlaybookPublished withoutPleadings = new PlaybookPublished(
                "commercial-litigation",
                2,
                "litigation",
                "o.ramirez",
                List.of(),
                List.of(new ChecklistItem("conflict-check", "Conflict check")),
                new Routing("litigation-east", "a.chen"),
                List.of(new MilestoneTemplate("assessment", "Initial case assessment", 3, "associate", "L100", false)),
                List.of(),
                AS_WAS.budgetPhases(),
                VERSION_1,
                AS_WAS.escalationPaths(),
                Map.of(),
                AS_WAS.occurredAt());

        ReplayReport report = compare(withoutPleadings, matterA(), matterB());

        assertEquals(0, report.refusedAsWas());
        assertEquals(2, report.refusedCandidate(), "each matter completed its pleadings");
        assertEquals(2, report.milestones().size(), "pleadings planned on one side only, per matter");
        assertTrue(report.milestones().stream().allMatch(m -> m.candidate() == null));
    }

    @Test
    void theVersionItRanOnReproducesWhatWasRecordedAndChangesNothing() {
        List<Recorded> c = matterC();

        assertTrue(
                replay.recorded(c, THROUGH).outcome().sameWarnings(replay.replay(c, AS_WAS, routes(AS_WAS), THROUGH)));
        ReplayReport report = compare(AS_WAS, matterA(), matterB(), c);
        assertEquals(List.of(), report.milestones());
        assertEquals(List.of(), report.budgetAlerts());
        assertEquals(List.of(), report.escalations());
        assertEquals(3, report.reproduced());
    }

    @Test
    void everyKindOfActReplaysUnderItsOwnVersionToExactlyTheOutcomeRecorded() {
        UUID intake = UUID.nameUUIDFromBytes("replay-test-every-act".getBytes());
        UUID matter = MatterIds.fromIntake(intake);
        UUID adHoc = UUID.nameUUIDFromBytes("ad-hoc".getBytes());
        UUID task = UUID.nameUUIDFromBytes("task".getBytes());
        EscalationRoutes routes = routes(AS_WAS);
        Instant saturday = Instant.parse("2026-02-28T09:00:00Z");
        List<Recorded> history = new LiveHistory(ZONE, AS_WAS, routes)
                // Waits 39 hours by Monday's first pass: HANDOFF_WAITING, resolved by the rejection.
                .receive(matter, packet(intake, 1, saturday), saturday)
                .run(
                        new RejectHandoff(
                                "p.patel",
                                List.of(new RejectionReason(RejectionCode.MISSING_INFORMATION, "No engagement letter")),
                                at(2, 10)),
                        at(2, 10))
                .receive(matter, packet(intake, 2, at(2, 15)), at(2, 15))
                // The PM's overrides: pleadings on 13 March, a budget of 12,000 (6,000 a phase).
                .run(
                        new AcceptHandoff(
                                "2026-00009",
                                "p.patel",
                                day(3),
                                AS_WAS,
                                CALENDAR,
                                Map.of("pleadings", day(13)),
                                Map.of(),
                                new BigDecimal("12000.00"),
                                Map.of(),
                                Map.of(),
                                at(3, 9)),
                        at(3, 9))
                // Planned already late: it slips on Thursday 5 March, past its 2 days of grace.
                .run(
                        new PlanMilestone(adHoc, "Client documents", day(2), "associate", "L100", false, at(3, 10)),
                        at(3, 10))
                .run(new AssignTask(task, null, "Chase the client", "a.chen", day(6), at(3, 11)), at(3, 11))
                .run(new BlockTask(task, "The client is silent", routes, at(4, 9)), at(4, 9))
                // A phase's revision moves the TOTAL too: two events, one act.
                .run(
                        new ReviseBudget(
                                "L200",
                                new BigDecimal("7000.00"),
                                "Scope grew",
                                "p.patel",
                                VERSION_1,
                                routes,
                                at(4, 12)),
                        at(4, 12))
                .run(time("L100", "5000", at(5, 12)), at(5, 12))
                .run(
                        new ReassignEscalation(
                                MatterRules.derivedId(matter, "slip:" + adHoc + ":" + day(2)), "a.chen", at(5, 14)),
                        at(5, 14))
                .run(
                        new ResolveEscalation(
                                MatterRules.derivedId(matter, "task-blocked:" + task + ":0"),
                                "The client answered",
                                "p.patel",
                                at(6, 9)),
                        at(6, 9))
                .run(new CompleteTask(task, day(6), day(6), at(6, 10)), at(6, 10))
                .run(new CompleteMilestone(adHoc, day(6), day(6), at(6, 16)), at(6, 16))
                .run(
                        new CompleteMilestone(
                                MatterRules.derivedId(matter, "milestone:assessment"), day(6), day(6), at(6, 17)),
                        at(6, 17))
                .run(
                        new ReplanMilestone(
                                MatterRules.derivedId(matter, "milestone:pleadings"),
                                day(16),
                                "The court moved the hearing",
                                "p.patel",
                                false,
                                at(9, 9)),
                        at(9, 9))
                .run(new SendStatusUpdate(UUID.randomUUID(), day(9), day(9), "On plan", 30, at(9, 10)), at(9, 10))
                .run(
                        new CompleteMilestone(
                                MatterRules.derivedId(matter, "milestone:pleadings"), day(16), day(16), at(16, 17)),
                        at(16, 17))
                .run(new CloseMatter(day(18), "SETTLED", at(18, 17)), at(18, 17))
                .detectThrough(THROUGH)
                .history();

        MatterOutcome recorded = replay.recorded(history, THROUGH).outcome();
        assertEquals(recorded, replay.replay(history, AS_WAS, routes, THROUGH));
        assertEquals(3, recorded.escalations().size(), "the handoff's wait, the slip and the blocked task");
        assertEquals(
                "a.chen",
                recorded.escalations()
                        .get(MatterRules.derivedId(matter, "slip:" + adHoc + ":" + day(2)))
                        .assignedTo());
        assertEquals(
                Map.of(new MatterOutcome.BudgetAlert("L100", VarianceLevel.WARNING), day(5)),
                recorded.budgetAlerts(),
                "5,000 of L100's 6,000; the TOTAL is 13,000 after the revision");
    }

    /** Four entries of 1,000 on L200 (20, 40, 60, 80 %): Monday, Tuesday, Wednesday and Saturday. */
    private static List<Recorded> matterA() {
        return matter(
                1,
                live -> live.run(time("1000"), at(2, 12))
                        .run(time("1000"), at(3, 12))
                        .run(time("1000"), at(4, 12))
                        .run(complete(live, "assessment", day(5)), at(5, 17))
                        .run(time("1000"), at(7, 12))
                        .run(complete(live, "pleadings", day(12)), at(12, 17)));
    }

    /** One entry of 4,750 on L200 on the day of acceptance. */
    private static List<Recorded> matterB() {
        return matter(
                2,
                live -> live.run(time("4750"), at(2, 12))
                        .run(complete(live, "assessment", day(5)), at(5, 17))
                        .run(complete(live, "pleadings", day(12)), at(12, 17)));
    }

    /** The assessment done a day late, on Friday 6 March. */
    private static List<Recorded> matterC() {
        return matter(
                3,
                live -> live.run(complete(live, "assessment", day(6)), at(6, 17))
                        .run(complete(live, "pleadings", day(12)), at(12, 17)));
    }

    private static List<Recorded> matter(int number, Function<LiveHistory, LiveHistory> life) {
        UUID intake = UUID.nameUUIDFromBytes(("replay-test-" + number).getBytes());
        UUID matter = MatterIds.fromIntake(intake);
        LiveHistory live = new LiveHistory(ZONE, AS_WAS, routes(AS_WAS))
                .receive(matter, packet(intake), at(2, 8))
                .run(
                        new AcceptHandoff(
                                "2026-0000" + number,
                                "p.patel",
                                MONDAY,
                                AS_WAS,
                                CALENDAR,
                                Map.of(),
                                Map.of(),
                                null,
                                Map.of(),
                                Map.of(),
                                at(2, 9)),
                        at(2, 9));
        return life.apply(live).detectThrough(THROUGH).history();
    }

    private ReplayReport compare(PlaybookPublished candidate, List<Recorded>... matters) {
        ReplayComparison comparison = new ReplayComparison(THROUGH);
        for (List<Recorded> history : matters) {
            comparison.add(
                    replay.recorded(history, THROUGH).outcome(),
                    replay.replay(history, AS_WAS, routes(AS_WAS), THROUGH),
                    replay.replay(history, candidate, routes(candidate), THROUGH));
        }
        return comparison.report("commercial-litigation", candidate.version(), MONDAY, MONDAY.plusDays(4));
    }

    private static ReplayKpi share(
            String key, String before, long count, long of, String after, long afterCount, long afterOf, String diff) {
        return new ReplayKpi(
                key,
                Unit.SHARE,
                new Measure(new BigDecimal(before), count, of),
                new Measure(new BigDecimal(after), afterCount, afterOf),
                new BigDecimal(diff));
    }

    private static ReplayKpi count(String key, long before, long after) {
        return new ReplayKpi(
                key,
                Unit.COUNT,
                new Measure(BigDecimal.valueOf(before), before, 3),
                new Measure(BigDecimal.valueOf(after), after, 3),
                BigDecimal.valueOf(after - before));
    }

    private static UUID matterOf(List<Recorded> history) {
        return ((MatterInternalEvent.HandoffPacketReceived) history.get(0).event()).matterId();
    }

    private static EscalationRoutes routes(PlaybookPublished playbook) {
        return new EscalationRoutes(playbook.escalationPaths(), TEAM_LEADS);
    }

    private static CompleteMilestone complete(LiveHistory live, String templateKey, LocalDate on) {
        return new CompleteMilestone(
                MatterRules.derivedId(live.matter().id(), "milestone:" + templateKey),
                on,
                on,
                on.atTime(17, 0).toInstant(ZoneOffset.UTC));
    }

    private static RecordTime time(String amount) {
        return time("L200", amount, Instant.EPOCH);
    }

    private static RecordTime time(String phase, String amount, Instant at) {
        return new RecordTime(
                UUID.randomUUID(),
                "a.chen",
                TimekeeperRole.ATTORNEY,
                MONDAY,
                BigDecimal.ONE,
                new BigDecimal(amount),
                phase,
                null,
                "A101",
                true,
                false,
                "A. Chen",
                "Drafting",
                VERSION_1,
                routes(AS_WAS),
                at);
    }

    private static PlaybookPublished playbook(int version, Thresholds thresholds, int assessment, int pleadings) {
        return new PlaybookPublished(
                "commercial-litigation",
                version,
                "litigation",
                "o.ramirez",
                List.of(),
                List.of(new ChecklistItem("conflict-check", "Conflict check")),
                new Routing("litigation-east", "a.chen"),
                List.of(
                        new MilestoneTemplate(
                                "assessment", "Initial case assessment", assessment, "associate", "L100", false),
                        new MilestoneTemplate("pleadings", "Pleadings", pleadings, "associate", "L200", false)),
                List.of(),
                List.of(new BudgetPhase("L100", new BigDecimal("0.5")), new BudgetPhase("L200", new BigDecimal("0.5"))),
                thresholds,
                List.of(
                        new EscalationPath(
                                EscalationCause.BUDGET_VARIANCE,
                                List.of(new EscalationStep(BigDecimal.ZERO, "teamLead"))),
                        new EscalationPath(
                                EscalationCause.MILESTONE_SLIPPED, List.of(new EscalationStep(BigDecimal.ZERO, "pm")))),
                Map.of(),
                Instant.parse("2026-01-05T09:00:00Z"));
    }

    private static IntakeComplete packet(UUID intake) {
        return packet(intake, 1, at(2, 8));
    }

    private static IntakeComplete packet(UUID intake, int attempt, Instant at) {
        return new IntakeComplete(
                intake,
                "commercial-litigation",
                "litigation",
                "Acme v. Globex",
                new Client("Acme Corp", ClientKind.ORGANIZATION, null),
                Map.of(),
                List.of(new ChecklistEntry("conflict-check", true)),
                List.of(),
                new BigDecimal("10000.00"),
                "USD",
                new Routing("litigation-east", "a.chen"),
                at.minusSeconds(3_600),
                attempt,
                1,
                "i.jones",
                at);
    }

    private static LocalDate day(int dayOfMarch) {
        return LocalDate.of(2026, 3, dayOfMarch);
    }

    private static Instant at(int dayOfMarch, int hour) {
        return day(dayOfMarch).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }
}
