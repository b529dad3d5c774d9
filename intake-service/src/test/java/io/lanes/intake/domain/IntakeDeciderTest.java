package io.lanes.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.lanes.contracts.Routing;
import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.intake.IntakeComplete.ChecklistEntry;
import io.lanes.contracts.intake.IntakeComplete.Client;
import io.lanes.contracts.intake.IntakeComplete.ClientKind;
import io.lanes.contracts.intake.IntakeIncomplete;
import io.lanes.contracts.matter.RejectionCode;
import io.lanes.contracts.matter.RejectionReason;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.contracts.opsconfig.PlaybookPublished.ChecklistItem;
import io.lanes.contracts.opsconfig.PlaybookPublished.FieldType;
import io.lanes.contracts.opsconfig.PlaybookPublished.RequiredField;
import io.lanes.intake.domain.IntakeCommand.EditIntake;
import io.lanes.intake.domain.IntakeCommand.ReturnIntake;
import io.lanes.intake.domain.IntakeCommand.SubmitIntake;
import io.lanes.intake.domain.IntakeInternalEvent.IntakeCreated;
import io.lanes.intake.domain.IntakeInternalEvent.IntakeReturned;
import io.lanes.platform.problem.ProblemException;
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
    private static final PlaybookPublished PLAYBOOK = new PlaybookPublished("employment-litigation", 3, "litigation",
            "o.ramirez",
            List.of(new RequiredField("claimType", "Claim type", FieldType.ENUM, List.of("RETALIATION", "HARASSMENT")),
                    new RequiredField("employeeCount", "Employer headcount", FieldType.NUMBER, null),
                    new RequiredField("agencyChargeFiled", "Agency charge filed", FieldType.BOOLEAN, null)),
            List.of(new ChecklistItem("conflict-check", "Conflict check cleared")), new Routing("employment", null),
            List.of(), List.of(), null, Map.of(), T0);

    private final IntakeDecider decider = new IntakeDecider();

    private static IntakeData data(Map<String, JsonNode> fields, boolean checked) {
        return new IntakeData("employment-litigation", new Client("Dana Reyes", ClientKind.INDIVIDUAL, null), "Reyes v. Initech",
                fields, List.of(new ChecklistEntry("conflict-check", checked)), List.of(), new BigDecimal("40000.00"),
                "USD");
    }

    private static final IntakeData COMPLETE = data(Map.of("claimType", TextNode.valueOf("RETALIATION"),
            "employeeCount", IntNode.valueOf(250), "agencyChargeFiled", BooleanNode.TRUE), true);

    private Intake given(Object... events) {
        return decider.fold(List.of(events));
    }

    @Test
    void aCompleteSubmissionIsTheHandoffPacketRoutedByThePlaybook() {
        List<Object> events = decider.decide(new SubmitIntake(PLAYBOOK, "i.jones", T1),
                given(new IntakeCreated(ID, COMPLETE, "i.jones", T0)));
        IntakeComplete packet = (IntakeComplete) events.get(0);
        assertEquals(1, packet.attempt());
        assertEquals(3, packet.playbookVersion());
        assertEquals("employment", packet.routing().team());
        assertEquals(T0, packet.receivedAt(), "received when first created, not when submitted");
    }

    @Test
    void anIncompleteSubmissionNamesWhatIsMissingAndCountsAsAnAttempt() {
        IntakeData partial = data(Map.of("claimType", TextNode.valueOf("DEFAMATION"), "employeeCount",
                TextNode.valueOf("many")), false);
        List<Object> events = decider.decide(new SubmitIntake(PLAYBOOK, "i.jones", T1),
                given(new IntakeCreated(ID, partial, "i.jones", T0)));
        IntakeIncomplete refused = (IntakeIncomplete) events.get(0);
        assertEquals(List.of("claimType", "employeeCount", "agencyChargeFiled"), refused.missingFields());
        assertEquals(List.of("conflict-check"), refused.missingChecklistItems());
        assertEquals(1, refused.attempt());
        assertEquals(IntakeStatus.INCOMPLETE, decider.evolve(given(new IntakeCreated(ID, partial, "i.jones", T0)),
                refused).status());
    }

    @Test
    void theSecondSubmissionIsAttemptTwo() {
        IntakeIncomplete first = new IntakeIncomplete(ID, "employment-litigation", "litigation", List.of("claimType"),
                List.of(), 1, 3, "i.jones", T0);
        List<Object> events = decider.decide(new SubmitIntake(PLAYBOOK, "i.jones", T1),
                given(new IntakeCreated(ID, COMPLETE, "i.jones", T0), first));
        assertEquals(2, ((IntakeComplete) events.get(0)).attempt());
    }

    @Test
    void aSubmittedIntakeIsFrozenUntilReturned() {
        Intake submitted = given(new IntakeCreated(ID, COMPLETE, "i.jones", T0),
                decider.decide(new SubmitIntake(PLAYBOOK, "i.jones", T1), given(new IntakeCreated(ID, COMPLETE, "i.jones", T0))).get(0));
        ProblemException e = assertThrows(ProblemException.class,
                () -> decider.decide(new EditIntake(COMPLETE, "i.jones", T1), submitted));
        assertEquals(IntakeDecider.ALREADY_SUBMITTED, e.extensions().get("rule"));
        assertThrows(ProblemException.class, () -> decider.decide(new SubmitIntake(PLAYBOOK, "i.jones", T1), submitted));

        List<RejectionReason> reasons = List.of(new RejectionReason(RejectionCode.SCOPE_UNCLEAR, "Which claims?"));
        List<Object> returned = decider.decide(new ReturnIntake(UUID.randomUUID(), reasons, "p.patel", T1), submitted);
        Intake reopened = decider.evolve(submitted, returned.get(0));
        assertEquals(IntakeStatus.RETURNED, reopened.status());
        assertEquals(reasons, reopened.returnReasons());
        assertEquals(1, decider.decide(new EditIntake(COMPLETE, "i.jones", T1), reopened).size());
    }

    @Test
    void aRejectionOfAnIntakeThatIsNotSubmittedChangesNothing() {
        Intake draft = given(new IntakeCreated(ID, COMPLETE, "i.jones", T0));
        assertTrue(decider.decide(new ReturnIntake(UUID.randomUUID(), List.of(), "p.patel", T1), draft).isEmpty());
        Intake returned = given(new IntakeCreated(ID, COMPLETE, "i.jones", T0),
                new IntakeReturned(ID, UUID.randomUUID(), List.of(), "p.patel", T1));
        assertTrue(decider.decide(new ReturnIntake(UUID.randomUUID(), List.of(), "p.patel", T1), returned).isEmpty());
    }
}
