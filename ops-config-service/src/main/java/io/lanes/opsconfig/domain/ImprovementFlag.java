package io.lanes.opsconfig.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An improvement flag as its events left it. */
public record ImprovementFlag(
        UUID id,
        String matterType,
        String templateKey,
        List<UUID> matters,
        LocalDate windowStart,
        LocalDate windowEnd,
        Status status,
        Instant raisedAt,
        String raisedBy,
        String resolution,
        String resolvedBy,
        Instant resolvedAt,
        Integer closedByVersion) {

    public enum Status {
        OPEN,
        DISMISSED,
        CLOSED
    }

    public static final ImprovementFlag NONE =
            new ImprovementFlag(null, null, null, List.of(), null, null, null, null, null, null, null, null, null);

    /** The flag dealt with: dismissed with a reason, or closed by a playbook version. */
    ImprovementFlag resolved(
            Status outcome, String resolution, String resolvedBy, Instant resolvedAt, Integer closedByVersion) {
        return new ImprovementFlag(
                id,
                matterType,
                templateKey,
                matters,
                windowStart,
                windowEnd,
                outcome,
                raisedAt,
                raisedBy,
                resolution,
                resolvedBy,
                resolvedAt,
                closedByVersion);
    }

    public boolean exists() {
        return id != null;
    }
}
