package io.lanes.contracts.matter;

import java.time.Instant;
import java.util.UUID;

/** The client scored the service from 1 to 5. */
public record ClientFeedbackRecorded(UUID matterId, UUID feedbackId, int score, String comment, Instant occurredAt)
        implements MatterEvent {}
