package io.lanes.matter.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lanes.contracts.MatterIds;
import io.lanes.contracts.Routing;
import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.intake.IntakeComplete.ChecklistEntry;
import io.lanes.contracts.intake.IntakeComplete.Client;
import io.lanes.contracts.intake.IntakeComplete.ClientKind;
import io.lanes.contracts.intake.IntakeComplete.KeyDate;
import io.lanes.contracts.matter.BudgetVariance;
import io.lanes.contracts.matter.DeadlineMissed;
import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.matter.EscalationRaised;
import io.lanes.contracts.matter.HandoffAccepted;
import io.lanes.contracts.matter.HandoffReceived;
import io.lanes.contracts.matter.MilestoneCompleted;
import io.lanes.contracts.matter.MilestoneSlipped;
import io.lanes.contracts.matter.PlannedMilestone;
import io.lanes.contracts.matter.RejectionCode;
import io.lanes.contracts.matter.RejectionReason;
import io.lanes.contracts.matter.TimekeeperRole;
import io.lanes.contracts.matter.VarianceLevel;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.contracts.opsconfig.PlaybookPublished.BudgetPhase;
import io.lanes.contracts.opsconfig.PlaybookPublished.ChecklistItem;
import io.lanes.contracts.opsconfig.PlaybookPublished.MilestoneTemplate;
import io.lanes.contracts.opsconfig.PlaybookPublished.Thresholds;
import io.lanes.matter.domain.MatterCommand.AcceptHandoff;
import io.lanes.matter.domain.MatterCommand.CloseMatter;
import io.lanes.matter.domain.MatterCommand.CompleteMilestone;
import io.lanes.matter.domain.MatterCommand.Detect;
import io.lanes.matter.domain.MatterCommand.ReceiveHandoff;
import io.lanes.matter.domain.MatterCommand.RecordTime;
import io.lanes.matter.domain.MatterCommand.RejectHandoff;
import io.lanes.matter.domain.MatterCommand.ReplanMilestone;
import io.lanes.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Given matter events, when a command, then events or a broken rule. */
class MatterDeciderTest {

    private static final UUID INTAKE = UUID.fromString("0f6b7c1e-3a52-4c1d-9a0e-5d1f2b3c4d5e");
    private static final UUID MATTER = MatterIds.fromIntake(INTAKE);
    private static final Instant AT = Instant.parse("2026-03-06T15:00:00Z");
    /** Friday. */
    private static final LocalDate ACCEPTED_ON = LocalDate.parse("2026-03-06");
    private static final Thresholds THRESHOLDS = new Thresholds(new BigDecimal("10"), new BigDecimal("20"), 2, 14, 24);
    private static final PlaybookPublished PLAYBOOK = new PlaybookPublished("commercial-litigation", 2, "litigation",
            "o.ramirez", List.of(), List.of(new ChecklistItem("conflict-check", "Conflict check")),
            new Routing("litigation-east", "a.chen"),
            List.of(new MilestoneTemplate("initial-case-assessment", "Initial case assessment", 1, "associate", "L100",
                    false), new MilestoneTemplate("pleadings", "Pleadings", 5, "associate", "L200", false)),
            List.of(new BudgetPhase("L100", new BigDecimal("0.3")), new BudgetPhase("L200", new BigDecimal("0.7"))),
            THRESHOLDS, Map.of(), AT);
    private static final BusinessCalendar CALENDAR = new BusinessCalendar(Set.of(LocalDate.parse("2026-03-09")));

    private final MatterDecider decider = new MatterDecider();

    private static IntakeComplete packet(int attempt) {
        return new IntakeComplete(INTAKE, "commercial-litigation", "litigation", "Acme v. Globex",
                new Client("Acme Corp", ClientKind.ORGANIZATION, null), Map.of(),
                List.of(new ChecklistEntry("conflict-check", true)),
                List.of(new KeyDate("Statute of limitations", LocalDate.parse("2026-03-20"), true)),
                new BigDecimal("10000.00"), "USD", new Routing("litigation-east", "a.chen"),
                AT.minusSeconds(86_400), attempt, 2, "i.jones", AT.minusSeconds(3_600));
    }

    /** Folds events, deciding each command in turn like the service does. */
    private Matter given(MatterCommand... commands) {
        Matter state = decider.initialState();
        for (MatterCommand command : commands) {
            for (Object event : decider.decide(command, state)) {
                state = decider.evolve(state, event);
            }
        }
        return state;
    }

    private static ReceiveHandoff receive(int attempt) {
        return new ReceiveHandoff(MATTER, packet(attempt), AT);
    }

    private static AcceptHandoff accept() {
        return new AcceptHandoff("p.patel", ACCEPTED_ON, PLAYBOOK, CALENDAR, Map.of(), Map.of(), null, AT);
    }

    private static RecordTime time(String phase, String amount) {
        return new RecordTime(UUID.randomUUID(), "a.chen", TimekeeperRole.ATTORNEY, ACCEPTED_ON, BigDecimal.ONE,
                new BigDecimal(amount), phase, null, "A101", true, false, THRESHOLDS, AT);
    }

    @Test
    void businessDaysSkipWeekendsAndFirmHolidays() {
        assertEquals(LocalDate.parse("2026-03-10"), CALENDAR.plusBusinessDays(ACCEPTED_ON, 1), "Fri + 1 skips Sat, Sun, holiday Mon");
        assertEquals(LocalDate.parse("2026-03-16"), CALENDAR.plusBusinessDays(ACCEPTED_ON, 5));
        assertEquals(LocalDate.parse("2026-03-10"), CALENDAR.plusBusinessDays(LocalDate.parse("2026-03-07"), 0),
                "a plan starting on Saturday starts on the next business day");
    }

    @Test
    void aPacketOpensAPendingHandoffOnceAndAResubmissionReplacesIt() {
        List<Object> first = decider.decide(receive(1), given());
        assertEquals(HandoffReceived.class, first.get(1).getClass());
        assertTrue(decider.decide(receive(1), given(receive(1))).isEmpty(), "a re-sent packet changes nothing");

        Matter rejected = given(receive(1), new RejectHandoff("p.patel",
                List.of(new RejectionReason(RejectionCode.MISSING_INFORMATION, "No venue")), AT));
        assertEquals(MatterStatus.REJECTED, rejected.status());
        List<Object> again = decider.decide(receive(2), rejected);
        assertEquals(2, ((HandoffReceived) again.get(1)).attempt());
        assertEquals(MatterStatus.PENDING, decider.evolve(rejected, again.get(0)).status());
        assertTrue(decider.decide(receive(3), given(receive(1), accept())).isEmpty(), "an open matter is never reopened");
    }

    @Test
    void acceptingInstantiatesThePlanOnBusinessDaysWithKeyDatesAndTheBudgetSplit() {
        HandoffAccepted accepted = (HandoffAccepted) decider.decide(accept(), given(receive(1))).get(0);

        List<String> plan = accepted.milestones().stream().map(m -> m.name() + "@" + m.dueDate() + (m.hardDeadline() ? "!" : ""))
                .collect(Collectors.toList());
        assertEquals(List.of("Initial case assessment@2026-03-10", "Pleadings@2026-03-16",
                "Statute of limitations@2026-03-20!"), plan);
        assertEquals(LocalDate.parse("2026-03-20"), accepted.plannedCloseDate());
        assertEquals(List.of("L100=3000.00", "L200=7000.00"), accepted.budget().phases().stream()
                .map(p -> p.code() + "=" + p.amount().toPlainString()).collect(Collectors.toList()));
        assertTrue(accepted.checklistComplete());
        assertEquals("a.chen", accepted.responsibleAttorney());
    }

    @Test
    void acceptingOrRejectingTwiceBreaksTheHandoffRule() {
        Matter open = given(receive(1), accept());
        ProblemException e = assertThrows(ProblemException.class, () -> decider.decide(accept(), open));
        assertEquals(MatterDecider.HANDOFF_NOT_PENDING, e.extensions().get("rule"));
        assertThrows(ProblemException.class, () -> decider.decide(new RejectHandoff("p.patel", List.of(), AT), open));
    }

    @Test
    void completingACompletedMilestoneBreaksARule() {
        Matter open = given(receive(1), accept());
        UUID milestone = open.milestoneList().get(0).id();
        Matter done = given(receive(1), accept(), new CompleteMilestone(milestone, LocalDate.parse("2026-03-10"), AT));
        assertTrue(((MilestoneCompleted) decider.decide(new CompleteMilestone(
                open.milestoneList().get(1).id(), LocalDate.parse("2026-03-17"), AT), done).get(0)).onTime() == false);
        ProblemException e = assertThrows(ProblemException.class,
                () -> decider.decide(new CompleteMilestone(milestone, LocalDate.parse("2026-03-11"), AT), done));
        assertEquals(MatterDecider.MILESTONE_COMPLETED, e.extensions().get("rule"));
    }

    @Test
    void aMilestoneSlipsOncePerDueDateAfterGraceAndAReplanReArmsIt() {
        Matter open = given(receive(1), accept());
        Milestone first = open.milestoneList().get(0);
        assertTrue(decider.decide(new Detect(LocalDate.parse("2026-03-12"), THRESHOLDS, AT), open).isEmpty(),
                "due 03-10 with 2 days' grace: not slipped on 03-12");

        List<Object> detected = decider.decide(new Detect(LocalDate.parse("2026-03-13"), THRESHOLDS, AT), open);
        MilestoneSlipped slipped = (MilestoneSlipped) detected.get(0);
        assertEquals(first.id(), slipped.milestoneId());
        assertEquals(3, slipped.daysLate());
        EscalationRaised escalation = (EscalationRaised) detected.get(1);
        assertEquals(slipped.escalationId(), escalation.escalationId());
        assertEquals(EscalationCause.MILESTONE_SLIPPED, escalation.cause());

        Matter after = open;
        for (Object event : detected) {
            after = decider.evolve(after, event);
        }
        assertTrue(decider.decide(new Detect(LocalDate.parse("2026-03-14"), THRESHOLDS, AT), after).isEmpty(),
                "detection running again reports nothing new");

        Matter replanned = decider.evolve(after, decider.decide(new ReplanMilestone(first.id(),
                LocalDate.parse("2026-03-17"), "Client late with documents", "p.patel", AT), after).get(0));
        assertEquals(0, slipsOf(first.id(), decider.decide(new Detect(LocalDate.parse("2026-03-19"), THRESHOLDS, AT),
                replanned)));
        assertEquals(1, slipsOf(first.id(), decider.decide(new Detect(LocalDate.parse("2026-03-20"), THRESHOLDS, AT),
                replanned)), "the new due date slips on its own");
    }

    @Test
    void aHardDeadlinePassedIncompleteIsMissedTheDayAfter() {
        Matter open = given(receive(1), accept());
        List<Object> detected = decider.decide(new Detect(LocalDate.parse("2026-03-21"), THRESHOLDS, AT), open);
        assertEquals(1, detected.stream().filter(e -> e instanceof DeadlineMissed).count());
        assertEquals("Statute of limitations", detected.stream().filter(e -> e instanceof DeadlineMissed)
                .map(e -> ((DeadlineMissed) e).name()).findFirst().orElseThrow());
    }

    @Test
    void budgetCrossingExactlyAtTheWarningThresholdIsAWarningOnce() {
        Matter open = given(receive(1), accept());
        List<Object> events = decider.decide(time("L100", "3300.00"), open);
        List<BudgetVariance> variances = variances(events);
        assertEquals(1, variances.size(), "L100 at exactly +10.0%; TOTAL at -67%");
        assertEquals(VarianceLevel.WARNING, variances.get(0).level());
        assertEquals(0, new BigDecimal("10.0").compareTo(variances.get(0).variancePct()));

        Matter warned = given(receive(1), accept(), time("L100", "3300.00"));
        assertTrue(variances(decider.decide(time("L100", "10.00"), warned)).isEmpty(), "a level is reported once");
    }

    @Test
    void oneEntryCrossingBothLevelsReportsWarningThenEscalationWithItsEscalation() {
        Matter open = given(receive(1), accept());
        List<Object> events = decider.decide(time("L100", "3700.00"), open);
        assertEquals(List.of(VarianceLevel.WARNING, VarianceLevel.ESCALATION),
                variances(events).stream().map(BudgetVariance::level).collect(Collectors.toList()));
        EscalationRaised escalation = (EscalationRaised) events.get(events.size() - 1);
        assertEquals(EscalationCause.BUDGET_VARIANCE, escalation.cause());
        assertEquals(variances(events).get(1).escalationId(), escalation.escalationId());
    }

    @Test
    void anEntryThatReducesActualsReportsNothingAndReCrossingIsNotReportedAgain() {
        Matter warned = given(receive(1), accept(), time("L100", "3400.00"));
        assertTrue(variances(decider.decide(time("L100", "-500.00"), warned)).isEmpty());
        Matter dipped = given(receive(1), accept(), time("L100", "3400.00"), time("L100", "-500.00"));
        assertTrue(variances(decider.decide(time("L100", "500.00"), dipped)).isEmpty());
    }

    @Test
    void timeOnAClosedMatterBreaksARule() {
        Matter closed = given(receive(1), accept(), new CloseMatter(LocalDate.parse("2026-04-01"), "SETTLED", AT));
        ProblemException e = assertThrows(ProblemException.class, () -> decider.decide(time("L100", "1.00"), closed));
        assertEquals(MatterDecider.MATTER_NOT_OPEN, e.extensions().get("rule"));
    }

    @Test
    void aStatusUpdateOverdueIsEscalatedOncePerDueDate() {
        Matter open = given(receive(1), accept());
        List<Object> events = decider.decide(new Detect(LocalDate.parse("2026-03-21"), THRESHOLDS, AT), open);
        List<EscalationRaised> overdue = events.stream().filter(e -> e instanceof EscalationRaised)
                .map(e -> (EscalationRaised) e).filter(e -> e.cause() == EscalationCause.STATUS_UPDATE_OVERDUE)
                .collect(Collectors.toList());
        assertEquals(1, overdue.size());
        assertEquals("2026-03-20", overdue.get(0).relatedId(), "opened 03-06 with a 14-day cadence");
        Matter after = open;
        for (Object event : events) {
            after = decider.evolve(after, event);
        }
        assertTrue(decider.decide(new Detect(LocalDate.parse("2026-03-22"), THRESHOLDS, AT), after).stream()
                .noneMatch(e -> e instanceof EscalationRaised
                        && ((EscalationRaised) e).cause() == EscalationCause.STATUS_UPDATE_OVERDUE));
    }

    private static long slipsOf(UUID milestone, List<Object> events) {
        return events.stream().filter(e -> e instanceof MilestoneSlipped && ((MilestoneSlipped) e).milestoneId()
                .equals(milestone)).count();
    }

    private static List<BudgetVariance> variances(List<Object> events) {
        List<BudgetVariance> variances = new ArrayList<>();
        events.stream().filter(e -> e instanceof BudgetVariance).forEach(e -> variances.add((BudgetVariance) e));
        return variances;
    }

    @Test
    void milestoneIdsOfAPlanAreStable() {
        HandoffAccepted once = (HandoffAccepted) decider.decide(accept(), given(receive(1))).get(0);
        HandoffAccepted twice = (HandoffAccepted) decider.decide(accept(), given(receive(1))).get(0);
        assertEquals(once.milestones().stream().map(PlannedMilestone::milestoneId).collect(Collectors.toList()),
                twice.milestones().stream().map(PlannedMilestone::milestoneId).collect(Collectors.toList()));
    }
}
