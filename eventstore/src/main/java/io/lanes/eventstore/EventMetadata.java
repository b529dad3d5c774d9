package io.lanes.eventstore;

import java.util.UUID;

/**
 * Why an event was written and by whom: the correlation id of the request or message that started
 * the work, the causation id of the command or event that caused it, and the acting user.
 */
public record EventMetadata(UUID correlationId, UUID causationId, String actor) {

    public static EventMetadata by(String actor) {
        return new EventMetadata(null, null, actor);
    }

    /** For events caused by a consumed event: correlated with it, caused by it. */
    public static EventMetadata causedBy(UUID ceId, String actor) {
        return new EventMetadata(ceId, ceId, actor);
    }
}
