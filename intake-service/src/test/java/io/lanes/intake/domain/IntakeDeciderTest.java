package io.lanes.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.lanes.contracts.Routing;
import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.intake.IntakeComplete.ChecklistEntry;
import io.lanes.contracts.intake.IntakeComplete.Client;
import io.lanes.contracts.intake.IntakeComplete.ClientKind;
import io.lanes.contracts.intake.IntakeEvent;
import io.lanes.contracts.intake.IntakeIncomplete;
import io.lanes.contracts.matter.RejectionCode;
import io.lanes.contracts.matter.RejectionReason;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.contracts.opsconfig.PlaybookPublished.ChecklistItem;
import io.lanes.contracts.opsconfig.PlaybookPublished.FieldType;
import io.lanes.contracts.opsconfig.PlaybookPublished.RequiredField;
import io.lanes.eventstore.aggregate.UnhandledCase;
import io.lanes.intake.domain.IntakeCommand.EditIntake;
import io.lanes.intake.domain.IntakeCommand.ReturnIntake;
import io.lanes.intake.domain.IntakeCommand.SubmitIntake;
import io.lanes.intake.domain.IntakeInternalEvent.IntakeCreated;
import io.lanes.intake.domain.IntakeInternalEvent.IntakeEdited;
import io.lanes.intake.domain.IntakeInternalEvent.IntakeReturned;
import io.lanes.platform.domain.NotFound;
import io.lanes.platform.domain.RuleBroken;
import io.lanes.testing.decider.DeciderSpec;
import io.lanes.testing.decider.SealedDispatch;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Given intake events, when a command, then events or a broken rule. */
class IntakeDeciderTest {

    private static final UUID ID = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant T1 = T0.plusSeconds(3_600);
    private static final PlaybookPublished PLAYBOOK = new PlaybookPublished(
            "employment-litigation",
            3,
            "litigation",
            "o.ramirez",
            List.of(
                    new RequiredField(
                            "claimType",
                            "Claim type",
                            FieldType.ENUM,
                            List.of("RETALIATION", "HARASSMENT"),
                            null,
                            null),
                    new RequiredField("employeeCount", "Employer headcount", FieldType.NUMBER, null, null, null),
                    new RequiredField("agencyChargeFiled", "Agency charge filed", FieldType.BOOLEAN, null, null, null)),
            List.of(new ChecklistItem("conflict-check", "Conflict check cleared")),
            new Routing(
                    "employment",
                    null,
                    List.of(
                            new Routing.Rule("claimType", "HARASSMENT", "employment-sensitive", "r.okafor"),
                            new Routing.Rule("agencyChargeFiled", "false", "employment-pre-charge", null))),
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of(),
            Map.of(),
            T0);

    private static IntakeData data(Map<String, JsonNode> fields, boolean checked) {
        return new IntakeData(
                "employment-litigation",
                new Client("Dana Reyes", ClientKind.INDIVIDUAL, null),
                "Reyes v. Initech",
                fields,
                List.of(new ChecklistEntry("conflict-check", checked)),
                List.of(),
                new BigDecimal("40000.00"),
                "USD");
    }

    private static final IntakeData COMPLETE = data(
            Map.of(
                    "claimType",
                    TextNode.valueOf("RETALIATION"),
                    "employeeCount",
                    IntNode.valueOf(250),
                    "agencyChargeFiled",
                    BooleanNode.TRUE),
            true);

    private static final IntakeCreated CREATED = new IntakeCreated(ID, COMPLETE, "i.jones", T0);
    private static final SubmitIntake SUBMIT = new SubmitIntake(PLAYBOOK, "i.jones", T1);
    private static final List<RejectionReason> REASONS =
            List.of(new RejectionReason(RejectionCode.SCOPE_UNCLEAR, "Which claims?"));

    private final IntakeDecider decider = new IntakeDecider();
    private final DeciderSpec<IntakeCommand, Intake, Object> spec =
            DeciderSpec.of(decider.initialState(), decider::evolve, decider::decide);

    private static IntakeData partial() {
        return data(
                Map.of("claimType", TextNode.valueOf("DEFAMATION"), "employeeCount", TextNode.valueOf("many")), false);
    }

    @Test
    void aCompleteSubmissionIsTheHandoffPacketRoutedByThePlaybook() {
        spec.given(CREATED).when(SUBMIT).thenEvents(events -> {
            IntakeComplete packet = (IntakeComplete) events.get(0);
            assertEquals(1, packet.attempt());
            assertEquals(3, packet.playbookVersion());
            assertEquals("employment", packet.routing().team(), "no rule matches: the default");
            assertEquals(T0, packet.receivedAt(), "received when first created, not when submitted");
        });
    }

    @Test
    void theFirstRoutingRuleTheFieldsMatchRoutesThePacket() {
        IntakeData harassment = data(
                Map.of(
                        "claimType",
                        TextNode.valueOf("HARASSMENT"),
                        "employeeCount",
                        IntNode.valueOf(250),
                        "agencyChargeFiled",
                        BooleanNode.TRUE),
                true);
        spec.given(new IntakeCreated(ID, harassment, "i.jones", T0))
                .when(SUBMIT)
                .thenEvents(events -> assertEquals(
                        new Routing("employment-sensitive", "r.okafor"), ((IntakeComplete) events.get(0)).routing()));
        IntakeData preCharge = data(
                Map.of(
                        "claimType",
                        TextNode.valueOf("RETALIATION"),
                        "employeeCount",
                        IntNode.valueOf(250),
                        "agencyChargeFiled",
                        BooleanNode.FALSE),
                true);
        spec.given(new IntakeCreated(ID, preCharge, "i.jones", T0))
                .when(SUBMIT)
                .thenEvents(events -> assertEquals(
                        new Routing("employment-pre-charge", null),
                        ((IntakeComplete) events.get(0)).routing(),
                        "a BOOLEAN field matches its rule as text"));
    }

    @Test
    void anIncompleteSubmissionNamesWhatIsMissingAndCountsAsAnAttempt() {
        spec.given(new IntakeCreated(ID, partial(), "i.jones", T0))
                .when(SUBMIT)
                .then(new IntakeIncomplete(
                        ID,
                        "employment-litigation",
                        "litigation",
                        List.of("claimType", "employeeCount", "agencyChargeFiled"),
                        List.of("conflict-check"),
                        1,
                        3,
                        "i.jones",
                        T1));
    }

    @Test
    void anIncompleteSubmissionLeavesTheIntakeIncomplete() {
        assertEquals(
                IntakeStatus.INCOMPLETE,
                spec.given(new IntakeCreated(ID, partial(), "i.jones", T0))
                        .when(SUBMIT)
                        .thenState()
                        .status());
    }

    @Test
    void theSecondSubmissionIsAttemptTwo() {
        IntakeIncomplete first = new IntakeIncomplete(
                ID, "employment-litigation", "litigation", List.of("claimType"), List.of(), 1, 3, "i.jones", T0);
        spec.given(CREATED, first)
                .when(SUBMIT)
                .thenEvents(events -> assertEquals(2, ((IntakeComplete) events.get(0)).attempt()));
    }

    @Test
    void aSubmittedIntakeCannotBeEdited() {
        RuleBroken e = spec.given(CREATED)
                .andCommands(SUBMIT)
                .when(new EditIntake(COMPLETE, "i.jones", T1))
                .thenFails(RuleBroken.class);
        assertEquals(IntakeDecider.ALREADY_SUBMITTED, e.rule());
    }

    @Test
    void aSubmittedIntakeCannotBeSubmittedAgain() {
        spec.given(CREATED).andCommands(SUBMIT).when(SUBMIT).thenFails(RuleBroken.class);
    }

    @Test
    void aRejectedHandoffReturnsTheIntakeWithTheReasons() {
        Intake reopened = spec.given(CREATED)
                .andCommands(SUBMIT)
                .when(new ReturnIntake(UUID.randomUUID(), REASONS, "p.patel", T1))
                .thenState();
        assertEquals(IntakeStatus.RETURNED, reopened.status());
        assertEquals(REASONS, reopened.returnReasons());
    }

    @Test
    void aReturnedIntakeCanBeEditedAgain() {
        spec.given(CREATED)
                .andCommands(SUBMIT, new ReturnIntake(UUID.randomUUID(), REASONS, "p.patel", T1))
                .when(new EditIntake(COMPLETE, "k.lee", T1))
                .then(new IntakeEdited(ID, COMPLETE, "k.lee", T1));
    }

    @Test
    void aRejectionOfAnIntakeThatIsNotSubmittedChangesNothing() {
        spec.given(CREATED)
                .when(new ReturnIntake(UUID.randomUUID(), List.of(), "p.patel", T1))
                .thenNothing();
    }

    @Test
    void aRepeatedRejectionChangesNothing() {
        spec.given(CREATED, new IntakeReturned(ID, UUID.randomUUID(), List.of(), "p.patel", T1))
                .when(new ReturnIntake(UUID.randomUUID(), List.of(), "p.patel", T1))
                .thenNothing();
    }

    @Test
    void anUnknownIntakeCannotBeEdited() {
        spec.given().when(new EditIntake(COMPLETE, "i.jones", T1)).thenFails(NotFound.class);
    }

    @Test
    void everyCommandAndEventHasABranch() {
        SealedDispatch.assertHandlesEvery(
                c -> decider.decide((IntakeCommand) c, decider.initialState()),
                UnhandledCase.class,
                IntakeCommand.class);
        SealedDispatch.assertHandlesEvery(
                e -> decider.evolve(decider.initialState(), e),
                UnhandledCase.class,
                IntakeEvent.class,
                IntakeInternalEvent.class);
    }
}
