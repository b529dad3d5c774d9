package io.lanes.intake.service;

import io.lanes.eventstore.aggregate.Versioned;
import io.lanes.intake.domain.Intake;
import io.lanes.intake.domain.MissingItem;
import java.util.List;

/** The outcome of a submission, committed either way: the intake now, and what was missing (empty when complete). */
public record Submission(Versioned<Intake> intake, List<MissingItem> missing) {

    public boolean complete() {
        return missing.isEmpty();
    }
}
