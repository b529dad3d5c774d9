package io.lanes.opsconfig.domain;

import java.time.Instant;
import java.util.UUID;

/** What ops asks of a draft. */
public sealed interface DraftCommand {

    /** Create the draft, or replace its content. */
    record SaveDraft(UUID draftId, String matterType, PlaybookContent content, String by, Instant at)
            implements DraftCommand {}

    /** Freeze the draft as the next version ({@code version}) of its matter type. */
    record PublishDraft(int version, String by, Instant at) implements DraftCommand {}
}
