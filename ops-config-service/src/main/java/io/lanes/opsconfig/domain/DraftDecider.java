package io.lanes.opsconfig.domain;

import io.lanes.eventstore.aggregate.Decider;
import io.lanes.eventstore.aggregate.UnhandledCase;
import io.lanes.opsconfig.domain.DraftCommand.PublishDraft;
import io.lanes.opsconfig.domain.DraftCommand.SaveDraft;
import io.lanes.opsconfig.domain.DraftEvent.DraftPublished;
import io.lanes.opsconfig.domain.DraftEvent.DraftSaved;
import io.lanes.platform.domain.NotFound;
import io.lanes.platform.domain.RuleBroken;
import java.util.List;

/**
 * The rules of a draft: it can be edited until it is published, published once, and a published
 * version is never edited again (a change is a new draft and a new version).
 */
public final class DraftDecider implements Decider<DraftCommand, Draft, DraftEvent> {

    public static final String DRAFT_PUBLISHED = "DRAFT_ALREADY_PUBLISHED";

    @Override
    public Draft initialState() {
        return Draft.NONE;
    }

    @Override
    public Draft evolve(Draft draft, DraftEvent event) {
        if (event instanceof DraftSaved saved) {
            return new Draft(
                    saved.draftId(), saved.matterType(), saved.content(), null, saved.savedBy(), saved.occurredAt());
        }
        if (event instanceof DraftPublished published) {
            return new Draft(
                    draft.id(),
                    draft.matterType(),
                    draft.content(),
                    published.version(),
                    published.publishedBy(),
                    published.occurredAt());
        }
        throw new UnhandledCase(event);
    }

    @Override
    public List<DraftEvent> decide(DraftCommand command, Draft draft) {
        if (command instanceof SaveDraft save) {
            return save(save, draft);
        }
        if (command instanceof PublishDraft publish) {
            return publish(publish, draft);
        }
        throw new UnhandledCase(command);
    }

    private static List<DraftEvent> save(SaveDraft save, Draft draft) {
        if (draft.isPublished()) {
            throw new RuleBroken(
                    DRAFT_PUBLISHED,
                    "Draft " + draft.id() + " was published as version " + draft.publishedVersion()
                            + " and is frozen; start a new draft to change the playbook");
        }
        return List.of(new DraftSaved(save.draftId(), save.matterType(), save.content(), save.by(), save.at()));
    }

    private static List<DraftEvent> publish(PublishDraft publish, Draft draft) {
        if (!draft.exists()) {
            throw new NotFound("draft", "to publish");
        }
        if (draft.isPublished()) {
            throw new RuleBroken(
                    DRAFT_PUBLISHED, "Draft " + draft.id() + " is already version " + draft.publishedVersion());
        }
        return List.of(
                new DraftPublished(draft.id(), draft.matterType(), publish.version(), publish.by(), publish.at()));
    }
}
