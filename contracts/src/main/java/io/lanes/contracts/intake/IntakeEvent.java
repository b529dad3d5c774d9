package io.lanes.contracts.intake;

import io.lanes.contracts.LanesEvent;
import java.util.UUID;

/** Events of the intake aggregate, published on {@code lanes.intake.v1} keyed by intakeId. */
public sealed interface IntakeEvent extends LanesEvent permits IntakeComplete, IntakeIncomplete {

    UUID intakeId();

    String matterType();

    String practiceArea();

    @Override
    default String aggregateId() {
        return intakeId().toString();
    }
}
