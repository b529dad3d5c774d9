package io.lanes.opsconfig.domain;

import io.lanes.eventstore.InternalEvent;
import io.lanes.eventstore.InternalEventTypes;
import java.time.Instant;
import java.util.UUID;

/** Internal events of a playbook draft; they never leave ops-config-service. */
public sealed interface DraftEvent extends InternalEvent {

    InternalEventTypes<DraftEvent> TYPES = new InternalEventTypes<DraftEvent>()
            .with("io.lanes.ops-config.draft-saved.v1", DraftSaved.class)
            .with("io.lanes.ops-config.draft-published.v1", DraftPublished.class);

    /** The draft was created or edited; it holds the whole content each time. */
    record DraftSaved(UUID draftId, String matterType, PlaybookContent content, String savedBy, Instant occurredAt)
            implements DraftEvent {}

    /** The draft became version {@code version} of its matter type's playbook and is frozen. */
    record DraftPublished(UUID draftId, String matterType, int version, String publishedBy, Instant occurredAt)
            implements DraftEvent {}
}
