package io.lanes.intake.domain;

import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.intake.IntakeIncomplete;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.eventstore.aggregate.Decider;
import io.lanes.eventstore.aggregate.UnhandledCase;
import io.lanes.intake.domain.IntakeCommand.CreateIntake;
import io.lanes.intake.domain.IntakeCommand.EditIntake;
import io.lanes.intake.domain.IntakeCommand.ReturnIntake;
import io.lanes.intake.domain.IntakeCommand.SubmitIntake;
import io.lanes.intake.domain.IntakeInternalEvent.IntakeCreated;
import io.lanes.intake.domain.IntakeInternalEvent.IntakeEdited;
import io.lanes.intake.domain.IntakeInternalEvent.IntakeReturned;
import io.lanes.platform.domain.NotFound;
import io.lanes.platform.domain.RuleBroken;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rules of an intake. It is edited and submitted until a submission is complete; a submitted
 * intake is frozen until the PM returns it. A submission either is a complete handoff packet
 * ({@code intake-complete}, routed by the playbook) or records what is missing
 * ({@code intake-incomplete}); both count as an attempt. Events are the contract's submission events
 * and the service's internal ones, so the type parameter is {@code Object}.
 */
public final class IntakeDecider implements Decider<IntakeCommand, Intake, Object> {

    public static final String ALREADY_SUBMITTED = "INTAKE_ALREADY_SUBMITTED";

    @Override
    public Intake initialState() {
        return Intake.NONE;
    }

    @Override
    public Intake evolve(Intake intake, Object event) {
        if (event instanceof IntakeCreated created) {
            return new Intake(
                    created.intakeId(),
                    IntakeStatus.DRAFT,
                    created.data(),
                    created.createdBy(),
                    created.occurredAt(),
                    created.occurredAt(),
                    0,
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    null);
        }
        if (event instanceof IntakeEdited edited) {
            return intake.with(intake.status(), edited.data(), edited.occurredAt());
        }
        if (event instanceof IntakeIncomplete refused) {
            return new Intake(
                    intake.id(),
                    IntakeStatus.INCOMPLETE,
                    intake.data(),
                    intake.createdBy(),
                    intake.receivedAt(),
                    refused.occurredAt(),
                    refused.attempt(),
                    refused.playbookVersion(),
                    refused.missingFields(),
                    refused.missingChecklistItems(),
                    intake.returnReasons(),
                    intake.returnedBy());
        }
        if (event instanceof IntakeComplete complete) {
            return new Intake(
                    intake.id(),
                    IntakeStatus.SUBMITTED,
                    intake.data(),
                    intake.createdBy(),
                    intake.receivedAt(),
                    complete.occurredAt(),
                    complete.attempt(),
                    complete.playbookVersion(),
                    List.of(),
                    List.of(),
                    List.of(),
                    null);
        }
        if (event instanceof IntakeReturned returned) {
            return new Intake(
                    intake.id(),
                    IntakeStatus.RETURNED,
                    intake.data(),
                    intake.createdBy(),
                    intake.receivedAt(),
                    returned.occurredAt(),
                    intake.attempts(),
                    intake.playbookVersion(),
                    List.of(),
                    List.of(),
                    returned.reasons(),
                    returned.rejectedBy());
        }
        throw new UnhandledCase(event);
    }

    @Override
    public List<Object> decide(IntakeCommand command, Intake intake) {
        if (command instanceof CreateIntake create) {
            return create(create, intake);
        }
        if (command instanceof EditIntake edit) {
            return List.of(new IntakeEdited(requireEditable(intake).id(), edit.data(), edit.by(), edit.at()));
        }
        if (command instanceof SubmitIntake submit) {
            return List.of(submit(submit, requireEditable(intake)));
        }
        if (command instanceof ReturnIntake back) {
            return returnToIntake(back, intake);
        }
        throw new UnhandledCase(command);
    }

    /** Creating is idempotent: an intake that exists is not created again. */
    private static List<Object> create(CreateIntake create, Intake intake) {
        if (intake.exists()) {
            return List.of();
        }
        return List.of(new IntakeCreated(create.intakeId(), create.data(), create.by(), create.at()));
    }

    /** Only a submitted intake goes back; a repeated rejection changes nothing. */
    private static List<Object> returnToIntake(ReturnIntake back, Intake intake) {
        if (!intake.exists()) {
            throw new NotFound("intake", "");
        }
        if (intake.status() != IntakeStatus.SUBMITTED) {
            return List.of();
        }
        return List.of(new IntakeReturned(intake.id(), back.matterId(), back.reasons(), back.by(), back.at()));
    }

    private static Intake requireEditable(Intake intake) {
        if (!intake.exists()) {
            throw new NotFound("intake", "");
        }
        if (intake.status() == IntakeStatus.SUBMITTED) {
            throw new RuleBroken(
                    ALREADY_SUBMITTED,
                    "Intake " + intake.id()
                            + " was submitted as a complete handoff packet; it changes only if the PM returns it");
        }
        return intake;
    }

    private static Object submit(SubmitIntake submit, Intake intake) {
        PlaybookPublished playbook = submit.playbook();
        IntakeData data = intake.data();
        int attempt = intake.attempts() + 1;
        List<MissingItem> missing = PlaybookCheck.missing(data, playbook);
        if (!missing.isEmpty()) {
            return new IntakeIncomplete(
                    intake.id(),
                    data.matterType(),
                    playbook.practiceArea(),
                    keys(missing, false),
                    keys(missing, true),
                    attempt,
                    playbook.version(),
                    submit.by(),
                    submit.at());
        }
        return new IntakeComplete(
                intake.id(),
                data.matterType(),
                playbook.practiceArea(),
                data.matterName(),
                data.client(),
                data.fields(),
                data.checklist(),
                data.keyDates(),
                data.estimatedBudget(),
                data.currency(),
                playbook.routing().routeFor(data.fields()),
                intake.receivedAt(),
                attempt,
                playbook.version(),
                submit.by(),
                submit.at());
    }

    private static List<String> keys(List<MissingItem> missing, boolean checklist) {
        return missing.stream()
                .filter(m -> m.checklist() == checklist)
                .map(MissingItem::key)
                .collect(Collectors.toList());
    }
}
