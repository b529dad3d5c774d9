package io.lanes.contracts;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.lanes.contracts.hooks.WebhookDeliveryFailed;
import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.intake.IntakeComplete.ChecklistEntry;
import io.lanes.contracts.intake.IntakeComplete.Client;
import io.lanes.contracts.intake.IntakeComplete.ClientKind;
import io.lanes.contracts.intake.IntakeComplete.KeyDate;
import io.lanes.contracts.intake.IntakeIncomplete;
import io.lanes.contracts.matter.Budget;
import io.lanes.contracts.matter.BudgetRevised;
import io.lanes.contracts.matter.BudgetVariance;
import io.lanes.contracts.matter.ClientFeedbackRecorded;
import io.lanes.contracts.matter.DeadlineMissed;
import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.matter.EscalationRaised;
import io.lanes.contracts.matter.EscalationReassigned;
import io.lanes.contracts.matter.EscalationResolved;
import io.lanes.contracts.matter.EthicalScreenAdded;
import io.lanes.contracts.matter.EthicalScreenLifted;
import io.lanes.contracts.matter.HandoffAccepted;
import io.lanes.contracts.matter.HandoffReceived;
import io.lanes.contracts.matter.HandoffRejected;
import io.lanes.contracts.matter.MatterClosed;
import io.lanes.contracts.matter.MilestoneCompleted;
import io.lanes.contracts.matter.MilestonePlanned;
import io.lanes.contracts.matter.MilestoneReplanned;
import io.lanes.contracts.matter.MilestoneSlipped;
import io.lanes.contracts.matter.PhaseAmount;
import io.lanes.contracts.matter.PlannedMilestone;
import io.lanes.contracts.matter.PlannedTask;
import io.lanes.contracts.matter.ReassignmentReason;
import io.lanes.contracts.matter.RejectionCode;
import io.lanes.contracts.matter.RejectionReason;
import io.lanes.contracts.matter.Severity;
import io.lanes.contracts.matter.StatusUpdateSent;
import io.lanes.contracts.matter.TaskAssigned;
import io.lanes.contracts.matter.TaskBlocked;
import io.lanes.contracts.matter.TaskCompleted;
import io.lanes.contracts.matter.TimeRecorded;
import io.lanes.contracts.matter.TimekeeperRole;
import io.lanes.contracts.matter.VarianceLevel;
import io.lanes.contracts.matter.WriteDownCause;
import io.lanes.contracts.matter.WriteDownRecorded;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One realistic instance of every event type of the contract. */
final class EventSamples {

    static final UUID INTAKE = UUID.fromString("0f6b7c1e-3a52-4c1d-9a0e-5d1f2b3c4d5e");
    static final UUID MATTER = MatterIds.fromIntake(INTAKE);
    static final UUID MILESTONE = UUID.fromString("7a1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d");
    static final UUID ESCALATION = UUID.fromString("1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b");
    static final Instant AT = Instant.parse("2026-03-02T14:05:00Z");
    static final LocalDate DUE = LocalDate.parse("2026-03-20");

    private EventSamples() {}

    static List<LanesEvent> all() {
        Routing routing = new Routing("litigation-east", "a.chen");
        return List.of(
                new IntakeIncomplete(
                        INTAKE,
                        "commercial-litigation",
                        "litigation",
                        List.of("adverseParties"),
                        List.of("conflict-check"),
                        1,
                        3,
                        "i.jones",
                        AT),
                new IntakeComplete(
                        INTAKE,
                        "commercial-litigation",
                        "litigation",
                        "Acme v. Globex",
                        new Client("Acme Corp", ClientKind.ORGANIZATION, "legal@acme.example"),
                        Map.of(
                                "adverseParties",
                                TextNode.valueOf("Globex Ltd"),
                                "conflictCheckCleared",
                                BooleanNode.TRUE,
                                "claimValue",
                                DecimalNode.valueOf(new BigDecimal("250000.00"))),
                        List.of(
                                new ChecklistEntry("conflict-check", true),
                                new ChecklistEntry("engagement-letter", true)),
                        List.of(new KeyDate("Statute of limitations", LocalDate.parse("2027-01-15"), true)),
                        new BigDecimal("120000.00"),
                        "USD",
                        routing,
                        AT.minusSeconds(86_400),
                        2,
                        3,
                        "i.jones",
                        AT),
                new HandoffReceived(MATTER, INTAKE, 2, "litigation", "commercial-litigation", "litigation-east", AT),
                new HandoffAccepted(
                        MATTER,
                        "2026-00042",
                        INTAKE,
                        AT.minusSeconds(86_400),
                        "p.patel",
                        "litigation",
                        "commercial-litigation",
                        "litigation-east",
                        "a.chen",
                        3,
                        true,
                        "USD",
                        new Budget(
                                new BigDecimal("120000.00"),
                                List.of(
                                        new PhaseAmount("L100", new BigDecimal("24000.00")),
                                        new PhaseAmount("L200", new BigDecimal("96000.00")))),
                        List.of(new PlannedMilestone(
                                MILESTONE,
                                "initial-case-assessment",
                                "Initial case assessment",
                                DUE,
                                "associate",
                                "L100",
                                false)),
                        List.of(new PlannedTask(
                                UUID.fromString("5b1e7f0a-9c2d-4e3f-8a1b-2c3d4e5f6a7b"),
                                "litigation-hold",
                                MILESTONE,
                                "Send the litigation hold letter",
                                "d.kim",
                                DUE.minusDays(5))),
                        LocalDate.parse("2026-12-18"),
                        List.of("milestone:initial-case-assessment", "task:litigation-hold"),
                        AT),
                new HandoffRejected(
                        MATTER,
                        INTAKE,
                        "p.patel",
                        List.of(new RejectionReason(
                                RejectionCode.CONFLICT_UNRESOLVED, "Globex subsidiary is a client")),
                        AT),
                new MilestonePlanned(
                        MATTER, MILESTONE, null, "Mediation statement", DUE, "associate", "L300", false, AT),
                new MilestoneReplanned(
                        MATTER, MILESTONE, DUE, DUE.plusDays(7), "Court moved the hearing", "p.patel", AT),
                new MilestoneCompleted(MATTER, MILESTONE, DUE, DUE.minusDays(1), true, false, AT),
                new MilestoneSlipped(
                        MATTER,
                        MILESTONE,
                        "initial-case-assessment",
                        "Initial case assessment",
                        DUE,
                        DUE.plusDays(3),
                        3,
                        "associate",
                        "L100",
                        false,
                        ESCALATION,
                        AT),
                new TaskAssigned(
                        MATTER,
                        UUID.fromString("2c3d4e5f-6071-4829-8a3b-4c5d6e7f8091"),
                        MILESTONE,
                        "Draft the complaint",
                        "j.okafor",
                        DUE,
                        AT),
                new TaskCompleted(
                        MATTER,
                        UUID.fromString("2c3d4e5f-6071-4829-8a3b-4c5d6e7f8091"),
                        "j.okafor",
                        DUE,
                        DUE.plusDays(1),
                        false,
                        AT),
                new TimeRecorded(
                        MATTER,
                        UUID.fromString("3d4e5f60-7182-4930-9b4c-5d6e7f8091a2"),
                        "a.chen",
                        TimekeeperRole.ATTORNEY,
                        DUE,
                        new BigDecimal("1.5"),
                        new BigDecimal("675.00"),
                        "L100",
                        "L110",
                        "A101",
                        true,
                        false,
                        "Anna Chen",
                        "Reviewed the \"Globex\" complaint; call with client re: C:\\claims",
                        AT),
                new BudgetVariance(
                        MATTER,
                        "TOTAL",
                        new BigDecimal("120000.00"),
                        new BigDecimal("145000.00"),
                        new BigDecimal("20.8"),
                        new BigDecimal("120.8"),
                        VarianceLevel.ESCALATION,
                        new BigDecimal("100"),
                        ESCALATION,
                        AT),
                new BudgetRevised(
                        MATTER,
                        "L200",
                        new BigDecimal("40000.00"),
                        new BigDecimal("55000.00"),
                        "Client added two counterclaims to the scope",
                        "p.patel",
                        AT),
                new StatusUpdateSent(
                        MATTER,
                        UUID.fromString("4e5f6071-8293-4a41-8c5d-6e7f8091a2b3"),
                        DUE,
                        DUE,
                        true,
                        "Pleadings filed; discovery plan due next week",
                        AT),
                new EscalationRaised(
                        MATTER,
                        ESCALATION,
                        EscalationCause.MILESTONE_SLIPPED,
                        Severity.CRITICAL,
                        MILESTONE.toString(),
                        "p.patel",
                        AT),
                new EscalationResolved(
                        MATTER,
                        ESCALATION,
                        EscalationCause.MILESTONE_SLIPPED,
                        AT.minusSeconds(7_200),
                        "p.patel",
                        "Replanned with the client's agreement",
                        AT),
                new EscalationReassigned(
                        MATTER,
                        ESCALATION,
                        EscalationCause.MILESTONE_SLIPPED,
                        2,
                        "p.patel",
                        "a.chen",
                        ReassignmentReason.UNRESOLVED_TIMEOUT,
                        AT),
                new TaskBlocked(
                        MATTER,
                        UUID.fromString("5b1e7f0a-9c2d-4e3f-8a1b-2c3d4e5f6a7b"),
                        "d.kim",
                        "Waiting for the client's custodian list",
                        ESCALATION,
                        AT),
                new DeadlineMissed(MATTER, MILESTONE, "File answer", DUE, AT),
                new WriteDownRecorded(
                        MATTER,
                        UUID.fromString("5f607182-93a4-4b52-9d6e-7f8091a2b3c4"),
                        new BigDecimal("1200.00"),
                        WriteDownCause.PROCESS_FAILURE,
                        "Duplicate research",
                        AT),
                new ClientFeedbackRecorded(
                        MATTER, UUID.fromString("60718293-a4b5-4c63-8e7f-8091a2b3c4d5"), 4, null, AT),
                new MatterClosed(
                        MATTER,
                        LocalDate.parse("2026-03-02"),
                        LocalDate.parse("2026-12-18"),
                        LocalDate.parse("2026-11-30"),
                        "SETTLED",
                        AT),
                new EthicalScreenAdded(MATTER, "d.kim", "Acted for Globex in 2024", "admin.user", AT),
                new EthicalScreenLifted(MATTER, "d.kim", "Globex engagement ended", "admin.user", AT),
                new PlaybookPublished(
                        "commercial-litigation",
                        3,
                        "litigation",
                        "o.ramirez",
                        List.of(
                                new RequiredField(
                                        "adverseParties", "Adverse parties", FieldType.TEXT, null, null, null),
                                new RequiredField(
                                        "limitationDate",
                                        "Limitation date",
                                        FieldType.DATE,
                                        null,
                                        null,
                                        "Statute of limitations"),
                                new RequiredField(
                                        "feeArrangement",
                                        "Fee arrangement",
                                        FieldType.ENUM,
                                        List.of("HOURLY", "FIXED", "CONTINGENCY"),
                                        null,
                                        null),
                                new RequiredField(
                                        "conflictCheckCleared",
                                        "Conflict check cleared",
                                        FieldType.BOOLEAN,
                                        null,
                                        true,
                                        null)),
                        List.of(new ChecklistItem("conflict-check", "Conflict check cleared")),
                        new Routing(
                                "litigation-east",
                                "a.chen",
                                List.of(new Routing.Rule("venue", "SDNY", "litigation-ny", "m.lee"))),
                        List.of(new MilestoneTemplate(
                                "initial-case-assessment", "Initial case assessment", 10, "associate", "L100", false)),
                        List.of(new TaskTemplate(
                                "litigation-hold",
                                "Send the litigation hold letter",
                                "initial-case-assessment",
                                2,
                                "responsibleAttorney")),
                        List.of(
                                new BudgetPhase("L100", new BigDecimal("0.2")),
                                new BudgetPhase("L200", new BigDecimal("0.8"))),
                        new Thresholds(
                                new BigDecimal("80"), new BigDecimal("100"), 2, 14, 24, new BigDecimal("24"), 14),
                        List.of(new EscalationPath(
                                EscalationCause.MILESTONE_SLIPPED,
                                List.of(
                                        new EscalationStep(BigDecimal.ZERO, "pm"),
                                        new EscalationStep(new BigDecimal("24"), "responsibleAttorney"),
                                        new EscalationStep(new BigDecimal("72.5"), "teamLead")))),
                        Map.of("onTimeMilestoneRate", new BigDecimal("0.9")),
                        AT),
                new WebhookDeliveryFailed(
                        UUID.fromString("5d6e7f80-9a1b-4c2d-8e3f-405162738495"),
                        "https://pm-tool.example.com/hooks/lanes",
                        ESCALATION,
                        8,
                        503,
                        "503 Service Unavailable",
                        true,
                        AT));
    }
}
