package io.lanes.opsconfig.api;

import io.lanes.eventstore.aggregate.Versioned;
import io.lanes.opsconfig.domain.Draft;
import io.lanes.opsconfig.domain.PlaybookContent;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlaybookDraft", description = "A playbook being prepared by legal operations")
public record DraftView(
        UUID id,
        String matterType,

        @Schema(description = "DRAFT while editable, PUBLISHED once frozen as a version")
        String status,

        @Schema(description = "The playbook version this draft became, once published")
        Integer publishedVersion,

        @Schema(description = "The draft's own version; its ETag")
        long revision,

        String updatedBy,
        Instant updatedAt,
        PlaybookContent content,

        @Schema(
                description = "POST {from, to} here to replay the draft over the matters of its type accepted in that "
                        + "window: what it would have changed beside what their versions did")
        URI replay) {

    static DraftView of(Versioned<Draft> draft) {
        Draft d = draft.state();
        return new DraftView(
                d.id(),
                d.matterType(),
                d.isPublished() ? "PUBLISHED" : "DRAFT",
                d.publishedVersion(),
                draft.version(),
                d.updatedBy(),
                d.updatedAt(),
                d.content(),
                URI.create("/playbooks/" + d.matterType() + "/drafts/" + d.id() + "/replay"));
    }
}
