package io.lanes.opsconfig.domain;

import java.time.Instant;
import java.util.UUID;

/** A playbook draft as its events left it; {@code publishedVersion} is set once it is published. */
public record Draft(
        UUID id,
        String matterType,
        PlaybookContent content,
        Integer publishedVersion,
        String updatedBy,
        Instant updatedAt) {

    public static final Draft NONE = new Draft(null, null, null, null, null, null);

    public boolean exists() {
        return id != null;
    }

    public boolean isPublished() {
        return publishedVersion != null;
    }
}
