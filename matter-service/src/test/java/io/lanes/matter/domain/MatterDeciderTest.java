package io.lanes.matter.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.lanes.contracts.MatterIds;
import io.lanes.contracts.Routing;
import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.intake.IntakeComplete.ChecklistEntry;
import io.lanes.contracts.intake.IntakeComplete.Client;
import io.lanes.contracts.intake.IntakeComplete.ClientKind;
import io.lanes.contracts.intake.IntakeComplete.KeyDate;
import io.lanes.contracts.matter.BudgetRevised;
import io.lanes.contracts.matter.BudgetVariance;
import io.lanes.contracts.matter.DeadlineMissed;
import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.matter.EscalationRaised;
import io.lanes.contracts.matter.EscalationReassigned;
import io.lanes.contracts.matter.EscalationResolved;
import io.lanes.contracts.matter.EthicalScreenAdded;
import io.lanes.contracts.matter.EthicalScreenLifted;
import io.lanes.contracts.matter.HandoffAccepted;
import io.lanes.contracts.matter.HandoffReceived;
import io.lanes.contracts.matter.MatterEvent;
import io.lanes.contracts.matter.MilestoneCompleted;
import io.lanes.contracts.matter.MilestoneReplanned;
import io.lanes.contracts.matter.MilestoneSlipped;
import io.lanes.contracts.matter.PlannedMilestone;
import io.lanes.contracts.matter.PlannedTask;
import io.lanes.contracts.matter.ReassignmentReason;
import io.lanes.contracts.matter.RejectionCode;
import io.lanes.contracts.matter.RejectionReason;
import io.lanes.contracts.matter.Severity;
import io.lanes.contracts.matter.TaskBlocked;
import io.lanes.contracts.matter.TaskCompleted;
import io.lanes.contracts.matter.TimekeeperRole;
import io.lanes.contracts.matter.VarianceLevel;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.contracts.opsconfig.PlaybookPublished.BudgetPhase;
import io.lanes.contracts.opsconfig.PlaybookPublished.ChecklistItem;
import io.lanes.contracts.opsconfig.PlaybookPublished.EscalationPath;
import io.lanes.contracts.opsconfig.PlaybookPublished.EscalationStep;
import io.lanes.contracts.opsconfig.PlaybookPublished.FieldType;
import io.lanes.contracts.opsconfig.PlaybookPublished.MilestoneTemplate;
import io.lanes.contracts.opsconfig.PlaybookPublished.RequiredField;
import io.lanes.contracts.opsconfig.PlaybookPublished.TaskTemplate;
import io.lanes.contracts.opsconfig.PlaybookPublished.Thresholds;
import io.lanes.eventstore.aggregate.UnhandledCase;
import io.lanes.matter.domain.MatterCommand.AcceptHandoff;
import io.lanes.matter.domain.MatterCommand.BlockTask;
import io.lanes.matter.domain.MatterCommand.CloseMatter;
import io.lanes.matter.domain.MatterCommand.CompleteMilestone;
import io.lanes.matter.domain.MatterCommand.CompleteTask;
import io.lanes.matter.domain.MatterCommand.Detect;
import io.lanes.matter.domain.MatterCommand.LiftScreen;
import io.lanes.matter.domain.MatterCommand.LinkExternalId;
import io.lanes.matter.domain.MatterCommand.ReassignEscalation;
import io.lanes.matter.domain.MatterCommand.ReceiveHandoff;
import io.lanes.matter.domain.MatterCommand.RecordTime;
import io.lanes.matter.domain.MatterCommand.RejectHandoff;
import io.lanes.matter.domain.MatterCommand.ReplanMilestone;
import io.lanes.matter.domain.MatterCommand.ResolveEscalation;
import io.lanes.matter.domain.MatterCommand.ReviseBudget;
import io.lanes.matter.domain.MatterCommand.ScreenUser;
import io.lanes.matter.domain.MatterCommand.SendStatusUpdate;
import io.lanes.matter.domain.MatterInternalEvent.ExternalIdLinked;
import io.lanes.matter.domain.MatterInternalEvent.HandoffPacketReceived;
import io.lanes.platform.domain.NotFound;
import io.lanes.platform.domain.Refused;
import io.lanes.platform.domain.RuleBroken;
import io.lanes.testing.decider.DeciderSpec;
import io.lanes.testing.decider.SealedDispatch;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

    private static final EscalationRoutes ROUTES = new EscalationRoutes(
            List.of(new EscalationPath(
                    EscalationCause.MILESTONE_SLIPPED,
                    List.of(
                            new EscalationStep(BigDecimal.ZERO, "pm"),
                            new EscalationStep(new BigDecimal("24"), "responsibleAttorney"),
                            new EscalationStep(new BigDecimal("72"), "teamLead")))),
            Map.of("litigation-east", "t.lead"));
    private static final Thresholds THRESHOLDS =
            new Thresholds(new BigDecimal("80"), new BigDecimal("100"), 2, 14, 24, null, null);
    private static final PlaybookPublished PLAYBOOK = new PlaybookPublished(
            "commercial-litigation",
            2,
            "litigation",
            "o.ramirez",
            List.of(),
            List.of(new ChecklistItem("conflict-check", "Conflict check")),
            new Routing("litigation-east", "a.chen"),
            List.of(
                    new MilestoneTemplate(
                            "initial-case-assessment", "Initial case assessment", 1, "associate", "L100", false),
                    new MilestoneTemplate("pleadings", "Pleadings", 5, "associate", "L200", false)),
            List.of(
                    new TaskTemplate(
                            "litigation-hold",
                            "Send the litigation hold",
                            "initial-case-assessment",
                            2,
                            "responsibleAttorney"),
                    new TaskTemplate("client-budget", "Send the budget to the client", null, 0, "pm")),
            List.of(new BudgetPhase("L100", new BigDecimal("0.3")), new BudgetPhase("L200", new BigDecimal("0.7"))),
            THRESHOLDS,
            List.of(),
            Map.of(),
            AT);
    private static final BusinessCalendar CALENDAR = new BusinessCalendar(Set.of(LocalDate.parse("2026-03-09")));

    private final MatterDecider decider = new MatterDecider(ZoneOffset.UTC);
    private final DeciderSpec<MatterCommand, Matter, Object> spec =
            DeciderSpec.of(decider.initialState(), decider::evolve, decider::decide);

    private static IntakeComplete packet(int attempt) {
        return packet(attempt, Map.of());
    }

    private static IntakeComplete packet(int attempt, Map<String, JsonNode> fields) {
        return new IntakeComplete(
                INTAKE,
                "commercial-litigation",
                "litigation",
                "Acme v. Globex",
                new Client("Acme Corp", ClientKind.ORGANIZATION, null),
                fields,
                List.of(new ChecklistEntry("conflict-check", true)),
                List.of(new KeyDate("Statute of limitations", LocalDate.parse("2026-03-20"), true)),
                new BigDecimal("10000.00"),
                "USD",
                new Routing("litigation-east", "a.chen"),
                AT.minusSeconds(86_400),
                attempt,
                2,
                "i.jones",
                AT.minusSeconds(3_600));
    }

    private static ReceiveHandoff receive(int attempt) {
        return new ReceiveHandoff(MATTER, packet(attempt), AT);
    }

    private static AcceptHandoff accept() {
        return new AcceptHandoff(
                "2026-00007",
                "p.patel",
                ACCEPTED_ON,
                PLAYBOOK,
                CALENDAR,
                Map.of(),
                Map.of(),
                null,
                Map.of(),
                Map.of(),
                AT);
    }

    private static RecordTime time(String phase, String amount) {
        return time(UUID.randomUUID(), phase, amount);
    }

    private static RecordTime time(UUID entryId, String phase, String amount) {
        return new RecordTime(
                entryId,
                "a.chen",
                TimekeeperRole.ATTORNEY,
                ACCEPTED_ON,
                BigDecimal.ONE,
                new BigDecimal(amount),
                phase,
                null,
                "A101",
                true,
                false,
                "Anna Chen",
                null,
                THRESHOLDS,
                ROUTES,
                AT);
    }

    private static ReviseBudget revise(String phase, String amount) {
        return new ReviseBudget(phase, new BigDecimal(amount), "Second expert added", "p.kim", THRESHOLDS, ROUTES, AT);
    }

    private DeciderSpec<MatterCommand, Matter, Object>.Given open() {
        return spec.givenCommands(receive(1), accept());
    }

    private Milestone milestone(int index) {
        return open().state().milestoneList().get(index);
    }

    private static Detect detectOn(String day) {
        return detectAt(day, AT);
    }

    private static Detect detectAt(String day, Instant at) {
        return new Detect(LocalDate.parse(day), THRESHOLDS, ROUTES, at);
    }

    private static Escalation slipOf(DeciderSpec<MatterCommand, Matter, Object>.Given given) {
        return given.state().escalationList().stream()
                .filter(e -> e.cause() == EscalationCause.MILESTONE_SLIPPED)
                .findFirst()
                .orElseThrow();
    }

    private static List<Object> ofType(Class<?> type, List<Object> events) {
        return events.stream().filter(type::isInstance).collect(Collectors.toList());
    }

    @Test
    void anUnresolvedEscalationGoesUpItsPathOnceEachStepsHoursPass() {
        // Slipped on 03-13 at AT: the PM first, the responsible attorney after 24 h, the team lead after 72 h.
        DeciderSpec<MatterCommand, Matter, Object>.Given slipped = open().andCommands(detectOn("2026-03-13"));
        Escalation slip = slipOf(slipped);
        assertEquals("p.patel", slip.assignedTo());
        slipped.when(detectAt("2026-03-13", AT.plusSeconds(23 * 3600)))
                .thenEvents(events -> assertEquals(List.of(), ofType(EscalationReassigned.class, events)));
        DeciderSpec<MatterCommand, Matter, Object>.Given second =
                slipped.andCommands(detectAt("2026-03-14", AT.plusSeconds(24 * 3600)));
        assertEquals(
                List.of(new EscalationReassigned(
                        MATTER,
                        slip.id(),
                        EscalationCause.MILESTONE_SLIPPED,
                        2,
                        "p.patel",
                        "a.chen",
                        ReassignmentReason.UNRESOLVED_TIMEOUT,
                        AT.plusSeconds(24 * 3600))),
                ofType(EscalationReassigned.class, second.history()));
        second.when(detectAt("2026-03-14", AT.plusSeconds(30 * 3600)))
                .thenEvents(events -> assertEquals(List.of(), ofType(EscalationReassigned.class, events), "once"));
        second.when(detectAt("2026-03-16", AT.plusSeconds(72 * 3600))).thenEvents(events -> {
            EscalationReassigned third = (EscalationReassigned)
                    ofType(EscalationReassigned.class, events).get(0);
            assertEquals(3, third.level());
            assertEquals("t.lead", third.assignedTo(), "the team's lead from the firm's settings");
        });
        slipped.when(detectAt("2026-03-20", AT.plusSeconds(100 * 3600)))
                .thenEvents(events -> assertEquals(
                        List.of(3),
                        ofType(EscalationReassigned.class, events).stream()
                                .map(e -> ((EscalationReassigned) e).level())
                                .collect(Collectors.toList()),
                        "a late pass goes straight to the step reached"));
    }

    @Test
    void aManualHandOverKeepsTheStepSoTheTimeoutStillSendsItUp() {
        DeciderSpec<MatterCommand, Matter, Object>.Given slipped = open().andCommands(detectOn("2026-03-13"));
        Escalation slip = slipOf(slipped);
        ReassignEscalation toColleague = new ReassignEscalation(slip.id(), "j.doe", AT.plusSeconds(3600));
        DeciderSpec<MatterCommand, Matter, Object>.Given handedOver = slipped.andCommands(toColleague);
        assertEquals(
                List.of(new EscalationReassigned(
                        MATTER,
                        slip.id(),
                        EscalationCause.MILESTONE_SLIPPED,
                        1,
                        "p.patel",
                        "j.doe",
                        ReassignmentReason.MANUAL,
                        AT.plusSeconds(3600))),
                ofType(EscalationReassigned.class, handedOver.history()));
        handedOver.when(toColleague).thenNothing();
        handedOver.when(detectAt("2026-03-14", AT.plusSeconds(24 * 3600))).thenEvents(events -> {
            EscalationReassigned up = (EscalationReassigned)
                    ofType(EscalationReassigned.class, events).get(0);
            assertEquals(2, up.level());
            assertEquals("j.doe", up.previousAssignee());
            assertEquals("a.chen", up.assignedTo());
        });
        assertEquals(
                MatterRules.ESCALATION_RESOLVED,
                slipped.andCommands(new ResolveEscalation(slip.id(), "Client agreed a new date", "p.patel", AT))
                        .when(toColleague)
                        .thenFails(RuleBroken.class)
                        .rule());
        open().when(new ReassignEscalation(UUID.randomUUID(), "j.doe", AT)).thenFails(NotFound.class);
    }

    @Test
    void withoutAPathForItsCauseAnEscalationStaysWithThePm() {
        open().andCommands(time("L100", "3000.00"))
                .when(detectAt("2026-03-10", AT.plusSeconds(1000 * 3600)))
                .thenEvents(events -> assertEquals(List.of(), ofType(EscalationReassigned.class, events)));
    }

    @Test
    void aHandoffWaitingPastTheThresholdEscalatesOnceToTheTeamLeadAndAcceptingResolvesIt() {
        // The packet was submitted an hour before AT; the default wait is 24 hours.
        DeciderSpec<MatterCommand, Matter, Object>.Given pending = spec.givenCommands(receive(1));
        pending.when(detectAt("2026-03-07", AT.plusSeconds(22 * 3600))).thenNothing();
        DeciderSpec<MatterCommand, Matter, Object>.Given waiting =
                pending.andCommands(detectAt("2026-03-07", AT.plusSeconds(23 * 3600)));
        EscalationRaised raised = (EscalationRaised)
                ofType(EscalationRaised.class, waiting.history()).get(0);
        assertEquals(EscalationCause.HANDOFF_WAITING, raised.cause());
        assertEquals(INTAKE.toString(), raised.relatedId());
        assertEquals("t.lead", raised.assignedTo(), "no PM has it yet: the team's lead");
        waiting.when(detectAt("2026-03-08", AT.plusSeconds(30 * 3600)))
                .thenEvents(events -> assertEquals(List.of(), ofType(EscalationRaised.class, events), "once"));
        waiting.when(accept()).thenEvents(events -> {
            EscalationResolved resolved = (EscalationResolved) events.get(1);
            assertEquals(raised.escalationId(), resolved.escalationId());
            assertEquals("lanes", resolved.resolvedBy());
        });
    }

    @Test
    void aHardDeadlineWithinTheWarningDaysEscalatesOnceAndCompletingItsMilestoneResolvesIt() {
        // The statute of limitations is due 03-20; the warning comes 7 days before.
        open().when(detectOn("2026-03-12")).thenEvents(events -> assertEquals(List.of(), approaching(events)));
        DeciderSpec<MatterCommand, Matter, Object>.Given warned = open().andCommands(detectOn("2026-03-13"));
        List<EscalationRaised> raised = approaching(warned.history());
        assertEquals(1, raised.size());
        assertEquals(Severity.CRITICAL, raised.get(0).severity());
        assertEquals("p.patel", raised.get(0).assignedTo());
        warned.when(detectOn("2026-03-14")).thenEvents(events -> assertEquals(List.of(), approaching(events)));
        UUID statute = UUID.fromString(raised.get(0).relatedId());
        warned.when(new CompleteMilestone(statute, LocalDate.parse("2026-03-16"), LocalDate.parse("2026-03-16"), AT))
                .thenEvents(events -> {
                    assertEquals(2, events.size());
                    assertEquals(raised.get(0).escalationId(), ((EscalationResolved) events.get(1)).escalationId());
                });
    }

    private static List<EscalationRaised> approaching(List<Object> events) {
        return events.stream()
                .filter(e -> e instanceof EscalationRaised r && r.cause() == EscalationCause.DEADLINE_APPROACHING)
                .map(e -> (EscalationRaised) e)
                .collect(Collectors.toList());
    }

    @Test
    void aBlockedTaskEscalatesOnceUntilItIsCompleted() {
        UUID hold = MatterRules.derivedId(MATTER, "task:litigation-hold");
        BlockTask block = new BlockTask(hold, "Client has not named the custodians", ROUTES, AT);
        DeciderSpec<MatterCommand, Matter, Object>.Given blocked = open().andCommands(block);
        List<Object> events = blocked.history()
                .subList(open().history().size(), blocked.history().size());
        TaskBlocked taskBlocked = (TaskBlocked) events.get(0);
        EscalationRaised raised = (EscalationRaised) events.get(1);
        assertEquals("a.chen", taskBlocked.assignee());
        assertEquals(raised.escalationId(), taskBlocked.escalationId());
        assertEquals(EscalationCause.TASK_BLOCKED, raised.cause());
        assertEquals(hold.toString(), raised.relatedId());
        blocked.when(block).thenNothing();
        blocked.when(new CompleteTask(hold, LocalDate.parse("2026-03-11"), LocalDate.parse("2026-03-11"), AT))
                .thenEvents(
                        done -> assertEquals(raised.escalationId(), ((EscalationResolved) done.get(1)).escalationId()));
        assertEquals(
                MatterRules.TASK_COMPLETED,
                blocked.andCommands(new CompleteTask(
                                hold, LocalDate.parse("2026-03-11"), LocalDate.parse("2026-03-11"), AT))
                        .when(block)
                        .thenFails(RuleBroken.class)
                        .rule());
        open().when(new BlockTask(UUID.randomUUID(), "No such task", ROUTES, AT))
                .thenFails(NotFound.class);
    }

    @Test
    void theWorkQueueHoldsWhatAMatterAsksOfPeopleNow() {
        List<WorkItem> pending = MatterWork.of(spec.givenCommands(receive(1)).state(), ZoneOffset.UTC);
        assertEquals(1, pending.size());
        assertEquals(WorkItem.WorkKind.HANDOFF, pending.get(0).kind());
        assertNull(pending.get(0).assignee(), "any PM of the team may take a handoff");

        Matter open = open().state();
        List<WorkItem> work = MatterWork.of(open, ZoneOffset.UTC);
        assertEquals(open.milestoneList().size() + open.taskList().size(), work.size());
        assertTrue(work.stream()
                .filter(w -> w.kind() == WorkItem.WorkKind.MILESTONE)
                .allMatch(w -> open.acceptedBy().equals(w.assignee())));
        assertEquals(
                open.taskList().size(),
                work.stream().filter(w -> w.kind() == WorkItem.WorkKind.TASK).count(),
                "the playbook's tasks are work from acceptance on");

        CompleteMilestone complete = new CompleteMilestone(milestone(0).id(), ACCEPTED_ON, ACCEPTED_ON, AT);
        assertEquals(
                work.size() - 1,
                MatterWork.of(open().andCommands(complete).state(), ZoneOffset.UTC)
                        .size());
        CloseMatter close = new CloseMatter(ACCEPTED_ON.plusDays(30), "SETTLED", AT);
        assertEquals(
                List.of(),
                MatterWork.of(open().andCommands(close).state(), ZoneOffset.UTC),
                "a closed matter asks nothing");
    }

    @Test
    void aHandoffIsQueuedOnTheFirmsDayOfItsArrival() {
        Matter pending = spec.givenCommands(receive(1)).state();
        Instant received = pending.packet().receivedAt();

        assertEquals(
                LocalDate.parse("2026-03-05"),
                MatterWork.of(pending, ZoneOffset.UTC).get(0).dueDate());
        assertEquals(
                LocalDate.parse("2026-03-06"),
                MatterWork.of(pending, ZoneId.of("Pacific/Auckland")).get(0).dueDate(),
                received + " is the next day in Auckland");
    }

    @Test
    void businessDaysSkipWeekendsAndFirmHolidays() {
        assertEquals(
                LocalDate.parse("2026-03-10"),
                CALENDAR.plusBusinessDays(ACCEPTED_ON, 1),
                "Fri + 1 skips Sat, Sun, holiday Mon");
        assertEquals(LocalDate.parse("2026-03-16"), CALENDAR.plusBusinessDays(ACCEPTED_ON, 5));
        assertEquals(
                LocalDate.parse("2026-03-10"),
                CALENDAR.plusBusinessDays(LocalDate.parse("2026-03-07"), 0),
                "a plan starting on Saturday starts on the next business day");
    }

    @Test
    void aPacketOpensAPendingHandoff() {
        spec.given()
                .when(receive(1))
                .then(
                        new HandoffPacketReceived(MATTER, packet(1), AT),
                        new HandoffReceived(
                                MATTER, INTAKE, 1, "litigation", "commercial-litigation", "litigation-east", AT));
    }

    @Test
    void aReSentPacketChangesNothing() {
        spec.givenCommands(receive(1)).when(receive(1)).thenNothing();
    }

    @Test
    void aResubmissionAfterARejectionReopensTheHandoff() {
        DeciderSpec<MatterCommand, Matter, Object>.Given rejected = spec.givenCommands(
                receive(1),
                new RejectHandoff(
                        "p.patel", List.of(new RejectionReason(RejectionCode.MISSING_INFORMATION, "No venue")), AT));
        assertEquals(MatterStatus.REJECTED, rejected.state().status());
        assertEquals(MatterStatus.PENDING, rejected.when(receive(2)).thenState().status());
        rejected.when(receive(2)).thenEvents(events -> assertEquals(2, ((HandoffReceived) events.get(1)).attempt()));
    }

    @Test
    void anOpenMatterIsNeverReopened() {
        open().when(receive(3)).thenNothing();
    }

    @Test
    void acceptingInstantiatesThePlanOnBusinessDaysWithKeyDatesAndTheBudgetSplit() {
        spec.givenCommands(receive(1)).when(accept()).thenEvents(events -> {
            HandoffAccepted accepted = (HandoffAccepted) events.get(0);
            List<String> plan = accepted.milestones().stream()
                    .map(m -> m.name() + "@" + m.dueDate() + (m.hardDeadline() ? "!" : ""))
                    .collect(Collectors.toList());
            assertEquals(
                    List.of(
                            "Initial case assessment@2026-03-10",
                            "Pleadings@2026-03-16",
                            "Statute of limitations@2026-03-20!"),
                    plan);
            assertEquals(LocalDate.parse("2026-03-20"), accepted.plannedCloseDate());
            assertEquals(
                    List.of("L100=3000.00", "L200=7000.00"),
                    accepted.budget().phases().stream()
                            .map(p -> p.code() + "=" + p.amount().toPlainString())
                            .collect(Collectors.toList()));
            assertTrue(accepted.checklistComplete());
            assertEquals("a.chen", accepted.responsibleAttorney());
            assertEquals(List.of(), accepted.planOverrides(), "the playbook's plan as it is");
        });
    }

    @Test
    void whatThePmChangesFromThePlaybookAtAcceptanceIsNamedInPlanOverrides() {
        AcceptHandoff changed = new AcceptHandoff(
                "2026-00007",
                "p.patel",
                ACCEPTED_ON,
                PLAYBOOK,
                CALENDAR,
                Map.of("pleadings", LocalDate.parse("2026-04-01")),
                Map.of("pleadings", "associate"),
                new BigDecimal("12500.00"),
                Map.of("client-budget", ACCEPTED_ON),
                Map.of("litigation-hold", "d.kim"),
                AT);
        spec.givenCommands(receive(1)).when(changed).thenEvents(events -> {
            // A new due date for pleadings, a new budget, the hold given to someone else; naming pleadings'
            // own owner or the client budget's own due date is no change.
            HandoffAccepted accepted = (HandoffAccepted) events.get(0);
            assertEquals(List.of("budget", "milestone:pleadings", "task:litigation-hold"), accepted.planOverrides());
            assertEquals("d.kim", accepted.tasks().get(0).assignee());
        });
    }

    @Test
    void aDateFieldThatNamesAMilestoneBecomesAHardDeadlineInPlaceOfTheSameKeyDate() {
        PlaybookPublished withDeadline = new PlaybookPublished(
                PLAYBOOK.matterType(),
                PLAYBOOK.version(),
                PLAYBOOK.practiceArea(),
                PLAYBOOK.publishedBy(),
                List.of(
                        new RequiredField(
                                "limitationDate",
                                "Limitation date",
                                FieldType.DATE,
                                null,
                                null,
                                "Statute of limitations"),
                        new RequiredField("filingDate", "Filing date", FieldType.DATE, null, null, null)),
                PLAYBOOK.checklist(),
                PLAYBOOK.routing(),
                PLAYBOOK.milestones(),
                PLAYBOOK.taskTemplates(),
                PLAYBOOK.budgetPhases(),
                PLAYBOOK.thresholds(),
                List.of(),
                PLAYBOOK.kpiTargets(),
                AT);
        Map<String, JsonNode> fields =
                Map.of("limitationDate", TextNode.valueOf("2026-04-30"), "filingDate", TextNode.valueOf("2026-03-31"));
        AcceptHandoff accept = new AcceptHandoff(
                "2026-00007",
                "p.patel",
                ACCEPTED_ON,
                withDeadline,
                CALENDAR,
                Map.of(),
                Map.of(),
                null,
                Map.of(),
                Map.of(),
                AT);
        spec.givenCommands(new ReceiveHandoff(MATTER, packet(1, fields), AT))
                .when(accept)
                .thenEvents(events -> assertEquals(
                        List.of(
                                "Initial case assessment@2026-03-10",
                                "Pleadings@2026-03-16",
                                "Statute of limitations@2026-04-30!"),
                        ((HandoffAccepted) events.get(0))
                                .milestones().stream()
                                        .map(m -> m.name() + "@" + m.dueDate() + (m.hardDeadline() ? "!" : ""))
                                        .collect(Collectors.toList()),
                        "the field's date replaces the packet's key date of that name; a field naming no"
                                + " milestone plans none"));
    }

    @Test
    void acceptingCreatesThePlaybooksTasksForThePeopleTheirRolesName() {
        spec.givenCommands(receive(1)).when(accept()).thenEvents(events -> {
            HandoffAccepted accepted = (HandoffAccepted) events.get(0);
            UUID assessment = accepted.milestones().get(0).milestoneId();
            assertEquals(
                    List.of(
                            new PlannedTask(
                                    MatterRules.derivedId(MATTER, "task:litigation-hold"),
                                    "litigation-hold",
                                    assessment,
                                    "Send the litigation hold",
                                    "a.chen",
                                    LocalDate.parse("2026-03-11")),
                            new PlannedTask(
                                    MatterRules.derivedId(MATTER, "task:client-budget"),
                                    "client-budget",
                                    null,
                                    "Send the budget to the client",
                                    "p.patel",
                                    ACCEPTED_ON)),
                    accepted.tasks(),
                    "the responsible attorney, then the accepting PM; two business days past the holiday");
        });
        Matter open = open().state();
        assertEquals(
                List.of("a.chen", "p.patel"),
                open.taskList().stream().map(Task::assignee).collect(Collectors.toList()));
    }

    @Test
    void milestoneIdsOfAPlanAreStable() {
        List<UUID> once = plannedIds(spec.givenCommands(receive(1)).history());
        assertEquals(once, plannedIds(spec.givenCommands(receive(1)).history()));
    }

    private List<UUID> plannedIds(List<Object> history) {
        HandoffAccepted accepted = (HandoffAccepted)
                decider.decide(accept(), decider.fold(history)).get(0);
        return accepted.milestones().stream().map(PlannedMilestone::milestoneId).collect(Collectors.toList());
    }

    @Test
    void acceptingTwiceBreaksTheHandoffRule() {
        RuleBroken e = open().when(accept()).thenFails(RuleBroken.class);
        assertEquals(MatterRules.HANDOFF_NOT_PENDING, e.rule());
    }

    @Test
    void rejectingAnOpenMatterBreaksTheHandoffRule() {
        open().when(new RejectHandoff("p.patel", List.of(), AT)).thenFails(RuleBroken.class);
    }

    @Test
    void acceptingAnUnknownHandoffIsNotFound() {
        spec.given().when(accept()).thenFails(NotFound.class);
    }

    @Test
    void aMilestoneCompletedAfterItsDueDateIsLate() {
        open().when(new CompleteMilestone(
                        milestone(1).id(), LocalDate.parse("2026-03-17"), LocalDate.parse("2026-03-17"), AT))
                .thenEvents(events -> assertFalse(((MilestoneCompleted) events.get(0)).onTime()));
    }

    @Test
    void completingACompletedMilestoneBreaksARule() {
        UUID first = milestone(0).id();
        RuleBroken e = open().andCommands(
                        new CompleteMilestone(first, LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-10"), AT))
                .when(new CompleteMilestone(first, LocalDate.parse("2026-03-11"), LocalDate.parse("2026-03-11"), AT))
                .thenFails(RuleBroken.class);
        assertEquals(MatterRules.MILESTONE_COMPLETED, e.rule());
    }

    @Test
    void aMilestoneDoesNotSlipWithinItsGrace() {
        open().when(detectOn("2026-03-12")).thenNothing();
    }

    @Test
    void aMilestoneSlipsAfterGraceWithItsEscalation() {
        open().when(detectOn("2026-03-13")).thenEvents(detected -> {
            MilestoneSlipped slipped = (MilestoneSlipped) detected.get(0);
            assertEquals(milestone(0).id(), slipped.milestoneId());
            assertEquals(3, slipped.daysLate());
            EscalationRaised escalation = (EscalationRaised) detected.get(1);
            assertEquals(slipped.escalationId(), escalation.escalationId());
            assertEquals(EscalationCause.MILESTONE_SLIPPED, escalation.cause());
        });
    }

    @Test
    void aSlipIsReportedOncePerDueDate() {
        open().andCommands(detectOn("2026-03-13")).when(detectOn("2026-03-14")).thenNothing();
    }

    @Test
    void aReplanReArmsTheSlipForTheNewDueDate() {
        UUID first = milestone(0).id();
        DeciderSpec<MatterCommand, Matter, Object>.Given replanned = open().andCommands(
                        detectOn("2026-03-13"),
                        new ReplanMilestone(
                                first,
                                LocalDate.parse("2026-03-17"),
                                "Client late with documents",
                                "p.patel",
                                false,
                                AT));
        replanned.when(detectOn("2026-03-19")).thenEvents(events -> assertEquals(0, slipsOf(first, events)));
        replanned
                .when(detectOn("2026-03-20"))
                .thenEvents(events -> assertEquals(1, slipsOf(first, events), "the new due date slips on its own"));
    }

    @Test
    void aMatterIsOpenedOnTheFirmsDateOfItsAcceptance() {
        MatterDecider auckland = new MatterDecider(ZoneId.of("Pacific/Auckland"));
        Matter openedThere = DeciderSpec.of(auckland.initialState(), auckland::evolve, auckland::decide)
                .givenCommands(receive(1), accept())
                .state();
        assertEquals(ACCEPTED_ON, open().state().openedOn());
        assertEquals(ACCEPTED_ON.plusDays(1), openedThere.openedOn(), "15:00 UTC is 04:00 the next day in Auckland");
    }

    @Test
    void workIsDoneBetweenTheOpeningAndTheFirmsToday() {
        UUID first = milestone(0).id();
        UUID hold = MatterRules.derivedId(MATTER, "task:litigation-hold");
        LocalDate today = LocalDate.parse("2026-03-11");
        LocalDate tomorrow = today.plusDays(1);
        LocalDate beforeOpening = ACCEPTED_ON.minusDays(1);
        List<MatterCommand> tooLate = List.of(
                new CompleteMilestone(first, tomorrow, today, AT),
                new CompleteTask(hold, tomorrow, today, AT),
                new SendStatusUpdate(UUID.randomUUID(), tomorrow, today, "Weekly update", 14, AT));
        for (MatterCommand command : tooLate) {
            Refused refused = open().when(command).thenFails(Refused.class);
            assertEquals(MatterRules.DATE_IN_FUTURE, refused.rule(), command.toString());
        }
        List<MatterCommand> tooEarly = List.of(
                new CompleteMilestone(first, beforeOpening, today, AT),
                new CompleteTask(hold, beforeOpening, today, AT),
                new SendStatusUpdate(UUID.randomUUID(), beforeOpening, today, "Weekly update", 14, AT));
        for (MatterCommand command : tooEarly) {
            Refused refused = open().when(command).thenFails(Refused.class);
            assertEquals(MatterRules.DATE_BEFORE_OPENING, refused.rule(), command.toString());
        }
        assertEquals(
                "sentOn",
                open().when(tooLate.get(2))
                        .thenFails(Refused.class)
                        .violations()
                        .get(0)
                        .field());
        open().when(new CompleteMilestone(first, ACCEPTED_ON, today, AT))
                .thenEvents(events -> assertEquals(ACCEPTED_ON, ((MilestoneCompleted) events.get(0)).completedOn()));
        open().when(new CompleteTask(hold, today, today, AT))
                .thenEvents(events -> assertEquals(today, ((TaskCompleted) events.get(0)).completedOn()));
    }

    @Test
    void aHardDeadlineIsNotAPmsToMoveButAnAdminMayCorrectIt() {
        Milestone statute = open().when(detectOn("2026-03-02")).thenState().milestoneList().stream()
                .filter(Milestone::hardDeadline)
                .findFirst()
                .orElseThrow();
        LocalDate later = LocalDate.parse("2026-04-20");
        Refused refused = open().when(new ReplanMilestone(statute.id(), later, "Client asked", "p.patel", false, AT))
                .thenFails(Refused.class);
        assertEquals(MatterRules.HARD_DEADLINE_FIXED, refused.rule());
        assertEquals("dueDate", refused.violations().get(0).field());
        open().when(new ReplanMilestone(
                        statute.id(), later, "Entered as 2026-03-20 by mistake", "admin.user", true, AT))
                .thenEvents(events -> assertEquals(
                        List.of(new MilestoneReplanned(
                                MATTER,
                                statute.id(),
                                statute.dueDate(),
                                later,
                                "Entered as 2026-03-20 by mistake",
                                "admin.user",
                                AT)),
                        events));
    }

    @Test
    void aHardDeadlinePassedIncompleteIsMissedTheDayAfter() {
        open().when(detectOn("2026-03-21"))
                .thenEvents(detected -> assertEquals(
                        List.of("Statute of limitations"),
                        detected.stream()
                                .filter(e -> e instanceof DeadlineMissed)
                                .map(e -> ((DeadlineMissed) e).name())
                                .collect(Collectors.toList())));
    }

    @Test
    void eightyPercentConsumedWarnsWhileTheActualIsStillUnderBudget() {
        // L100's budget is 3,000 (30 % of 10,000).
        open().when(time("L100", "2400.00")).thenEvents(events -> {
            List<BudgetVariance> variances = variances(events);
            assertEquals(1, variances.size(), "L100 at exactly 80.0 % consumed; TOTAL at 24 %");
            BudgetVariance warning = variances.get(0);
            assertEquals(VarianceLevel.WARNING, warning.level());
            assertEquals(0, new BigDecimal("80.0").compareTo(warning.consumedPct()));
            assertEquals(0, new BigDecimal("-20.0").compareTo(warning.variancePct()));
            assertEquals(0, new BigDecimal("80").compareTo(warning.thresholdPct()));
            assertNull(warning.escalationId());
        });
    }

    @Test
    void aBudgetLevelIsReportedOnce() {
        open().andCommands(time("L100", "2400.00"))
                .when(time("L100", "10.00"))
                .thenEvents(events -> assertEquals(List.of(), variances(events)));
    }

    @Test
    void oneEntryReachingTheWholeBudgetReportsWarningThenEscalationWithItsEscalation() {
        open().when(time("L100", "3000.00")).thenEvents(events -> {
            assertEquals(
                    List.of(VarianceLevel.WARNING, VarianceLevel.ESCALATION),
                    variances(events).stream().map(BudgetVariance::level).collect(Collectors.toList()));
            assertEquals(
                    0,
                    new BigDecimal("100.0").compareTo(variances(events).get(1).consumedPct()));
            EscalationRaised escalation = (EscalationRaised) events.get(events.size() - 1);
            assertEquals(EscalationCause.BUDGET_VARIANCE, escalation.cause());
            assertEquals(variances(events).get(1).escalationId(), escalation.escalationId());
        });
    }

    @Test
    void anEntryThatReducesActualsReportsNothing() {
        open().andCommands(time("L100", "2500.00"))
                .when(time("L100", "-500.00"))
                .thenEvents(events -> assertEquals(List.of(), variances(events)));
    }

    @Test
    void reCrossingAReportedLevelIsNotReportedAgain() {
        open().andCommands(time("L100", "2500.00"), time("L100", "-500.00"))
                .when(time("L100", "500.00"))
                .thenEvents(events -> assertEquals(List.of(), variances(events)));
    }

    @Test
    void aPhaseRevisionMovesTheTotalByTheSameDifference() {
        open().when(revise("L100", "4000.00"))
                .then(
                        new BudgetRevised(
                                MATTER,
                                "L100",
                                new BigDecimal("3000.00"),
                                new BigDecimal("4000.00"),
                                "Second expert added",
                                "p.kim",
                                AT),
                        new BudgetRevised(
                                MATTER,
                                "TOTAL",
                                new BigDecimal("10000.00"),
                                new BigDecimal("11000.00"),
                                "Second expert added",
                                "p.kim",
                                AT));
        Matter revised = open().when(revise("L100", "4000.00")).thenState();
        assertEquals(1, revised.budget().get("L100").revisions());
        assertEquals(
                0,
                new BigDecimal("11000.00")
                        .compareTo(revised.budget().get("TOTAL").budget()));
    }

    @Test
    void aTotalRevisionLeavesThePhasesAlone() {
        open().when(revise("TOTAL", "12000.00"))
                .thenEvents(events -> assertEquals(
                        List.of("TOTAL"),
                        events.stream().map(e -> ((BudgetRevised) e).phase()).collect(Collectors.toList())));
    }

    @Test
    void aLiftReArmsTheLevelsSoTheRevisedBudgetWarnsAgainAtEightyPercent() {
        open().andCommands(time("L100", "2500.00"), revise("L100", "5000.00"))
                .when(time("L100", "1500.00"))
                .thenEvents(events -> {
                    List<BudgetVariance> variances = variances(events);
                    assertEquals(1, variances.size());
                    assertEquals(VarianceLevel.WARNING, variances.get(0).level());
                    assertEquals(
                            0,
                            new BigDecimal("5000.00").compareTo(variances.get(0).budget()));
                    assertEquals(
                            0, new BigDecimal("80.0").compareTo(variances.get(0).consumedPct()));
                });
    }

    @Test
    void aLiftTheActualStillReachesWarnsAtOnceAndEscalatesAnewUnderItsOwnId() {
        DeciderSpec<MatterCommand, Matter, Object>.Given overrun = open().andCommands(time("L100", "3100.00"));
        UUID first = variances(overrun.history()).get(1).escalationId();
        DeciderSpec<MatterCommand, Matter, Object>.Given revised = overrun.andCommands(revise("L100", "3500.00"));
        assertEquals(
                List.of(VarianceLevel.WARNING),
                variances(revised.history()).stream()
                        .skip(2)
                        .map(BudgetVariance::level)
                        .collect(Collectors.toList()),
                "3,100 of 3,500 is 88.6 % consumed");
        revised.when(time("L100", "400.00")).thenEvents(events -> {
            List<BudgetVariance> variances = variances(events);
            assertEquals(VarianceLevel.ESCALATION, variances.get(0).level());
            assertNotEquals(first, variances.get(0).escalationId());
        });
    }

    @Test
    void aCutTheActualAlreadyReachesIsReportedWithTheRevision() {
        open().andCommands(time("L100", "2000.00"))
                .when(revise("L100", "2400.00"))
                .thenEvents(events -> {
                    assertEquals(
                            2,
                            events.stream()
                                    .filter(e -> e instanceof BudgetRevised)
                                    .count());
                    List<BudgetVariance> variances = variances(events);
                    assertEquals(1, variances.size(), "2,000 of 2,400 is 83.3 % consumed; TOTAL 2,000 of 9,400 is not");
                    assertEquals(
                            0, new BigDecimal("83.3").compareTo(variances.get(0).consumedPct()));
                });
    }

    @Test
    void aRevisionToTheSameAmountOrOfAClosedMatterBreaksARule() {
        assertEquals(
                BudgetRules.BUDGET_UNCHANGED,
                open().when(revise("L100", "3000")).thenFails(RuleBroken.class).rule());
        assertEquals(
                MatterRules.MATTER_NOT_OPEN,
                open().andCommands(new CloseMatter(LocalDate.parse("2026-04-01"), "SETTLED", AT))
                        .when(revise("L100", "4000.00"))
                        .thenFails(RuleBroken.class)
                        .rule());
    }

    @Test
    void timeOnAClosedMatterBreaksARule() {
        RuleBroken e = open().andCommands(new CloseMatter(LocalDate.parse("2026-04-01"), "SETTLED", AT))
                .when(time("L100", "1.00"))
                .thenFails(RuleBroken.class);
        assertEquals(MatterRules.MATTER_NOT_OPEN, e.rule());
    }

    @Test
    void aTimeEntryRecordedTwiceIsRecordedOnce() {
        UUID entry = UUID.randomUUID();
        open().andCommands(time(entry, "L100", "3000.00"))
                .when(time(entry, "L100", "3000.00"))
                .thenNothing();
    }

    @Test
    void aRecordedEntryAgainOnAClosedMatterIsADuplicateNotABrokenRule() {
        UUID entry = UUID.randomUUID();
        open().andCommands(time(entry, "L100", "100.00"), new CloseMatter(LocalDate.parse("2026-04-01"), "SETTLED", AT))
                .when(time(entry, "L100", "100.00"))
                .thenNothing();
    }

    @Test
    void anAcceptedMatterCarriesItsNumber() {
        assertEquals("2026-00007", open().state().number());
        spec.givenCommands(receive(1))
                .when(accept())
                .thenEvents(events -> assertEquals("2026-00007", ((HandoffAccepted) events.get(0)).matterNumber()));
    }

    @Test
    void anExternalIdIsLinkedOnceAndAnotherIdReplacesIt() {
        LinkExternalId billing = new LinkExternalId("billing", "10042-007", "p.patel", AT);
        open().when(billing)
                .thenEvents(events -> assertEquals(
                        List.of(new ExternalIdLinked(MATTER, "billing", "10042-007", "p.patel", AT)), events));
        open().andCommands(billing).when(billing).thenNothing();
        assertEquals(
                Map.of("billing", "10042-008"),
                open().andCommands(billing)
                        .when(new LinkExternalId("billing", "10042-008", "p.patel", AT))
                        .thenState()
                        .externalIds());
    }

    @Test
    void anEthicalScreenWallsAUserOffUntilLiftedAndEachChangeIsRecordedOnce() {
        ScreenUser screen = new ScreenUser("d.kim", "Acted for Globex", "admin.user", AT);
        spec.givenCommands(receive(1))
                .when(screen)
                .thenEvents(events -> assertEquals(
                        List.of(new EthicalScreenAdded(MATTER, "d.kim", "Acted for Globex", "admin.user", AT)),
                        events));
        open().andCommands(screen).when(screen).thenNothing();
        assertEquals(
                Set.of("d.kim"),
                open().andCommands(screen).when(screen).thenState().screenedUsers());
        LiftScreen lift = new LiftScreen("d.kim", "Engagement ended", "admin.user", AT);
        open().andCommands(screen)
                .when(lift)
                .thenEvents(events -> assertEquals(
                        List.of(new EthicalScreenLifted(MATTER, "d.kim", "Engagement ended", "admin.user", AT)),
                        events));
        assertEquals(
                Set.of(),
                open().andCommands(screen, lift).when(lift).thenState().screenedUsers());
        open().when(lift).thenNothing();
        spec.givenCommands().when(screen).thenFails(NotFound.class);
    }

    @Test
    void aPendingHandoffHasNoExternalIds() {
        RuleBroken e = spec.givenCommands(receive(1))
                .when(new LinkExternalId("billing", "10042-007", "p.patel", AT))
                .thenFails(RuleBroken.class);
        assertEquals(MatterRules.MATTER_NOT_OPEN, e.rule());
    }

    @Test
    void aStatusUpdateOverdueIsEscalatedForItsDueDate() {
        open().when(detectOn("2026-03-21")).thenEvents(events -> {
            List<EscalationRaised> overdue = overdueUpdates(events);
            assertEquals(1, overdue.size());
            assertEquals("2026-03-20", overdue.get(0).relatedId(), "opened 03-06 with a 14-day cadence");
        });
    }

    @Test
    void anOverdueStatusUpdateIsEscalatedOnce() {
        open().andCommands(detectOn("2026-03-21"))
                .when(detectOn("2026-03-22"))
                .thenEvents(events -> assertEquals(List.of(), overdueUpdates(events)));
    }

    @Test
    void everyCommandAndEventHasABranch() {
        SealedDispatch.assertHandlesEvery(
                c -> decider.decide((MatterCommand) c, decider.initialState()),
                UnhandledCase.class,
                MatterCommand.class);
        SealedDispatch.assertHandlesEvery(
                e -> decider.evolve(decider.initialState(), e),
                UnhandledCase.class,
                MatterEvent.class,
                MatterInternalEvent.class);
    }

    private static List<EscalationRaised> overdueUpdates(List<Object> events) {
        return events.stream()
                .filter(e -> e instanceof EscalationRaised)
                .map(e -> (EscalationRaised) e)
                .filter(e -> e.cause() == EscalationCause.STATUS_UPDATE_OVERDUE)
                .collect(Collectors.toList());
    }

    private static long slipsOf(UUID milestone, List<Object> events) {
        return events.stream()
                .filter(e -> e instanceof MilestoneSlipped
                        && ((MilestoneSlipped) e).milestoneId().equals(milestone))
                .count();
    }

    private static List<BudgetVariance> variances(List<Object> events) {
        List<BudgetVariance> variances = new ArrayList<>();
        events.stream().filter(e -> e instanceof BudgetVariance).forEach(e -> variances.add((BudgetVariance) e));
        return variances;
    }
}
