package io.lanes.opsconfig.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lanes.eventstore.aggregate.UnhandledCase;
import io.lanes.opsconfig.domain.DraftCommand.PublishDraft;
import io.lanes.opsconfig.domain.DraftCommand.SaveDraft;
import io.lanes.opsconfig.domain.DraftEvent.DraftPublished;
import io.lanes.opsconfig.domain.DraftEvent.DraftSaved;
import io.lanes.platform.domain.NotFound;
import io.lanes.platform.domain.RuleBroken;
import io.lanes.testing.decider.DeciderSpec;
import io.lanes.testing.decider.SealedDispatch;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Given draft events, when a command, then events or a broken rule. */
class DraftDeciderTest {

    private static final UUID ID = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    private static final PlaybookContent CONTENT = new PlaybookContent(
            "litigation", List.of(), List.of(), null, List.of(), List.of(), List.of(), null, List.of(), null);
    private static final DraftSaved SAVED = new DraftSaved(ID, "contract-review", CONTENT, "o.ramirez", AT);
    private static final DraftPublished PUBLISHED = new DraftPublished(ID, "contract-review", 2, "o.ramirez", AT);

    private final DraftDecider decider = new DraftDecider();
    private final DeciderSpec<DraftCommand, Draft, DraftEvent> spec =
            DeciderSpec.of(decider.initialState(), decider::evolve, decider::decide);

    @Test
    void savingANewDraftCreatesIt() {
        spec.given()
                .when(new SaveDraft(ID, "contract-review", CONTENT, "o.ramirez", AT))
                .then(SAVED);
    }

    @Test
    void anUnpublishedDraftCanBeEditedAgain() {
        spec.given(SAVED)
                .when(new SaveDraft(ID, "contract-review", CONTENT, "k.lee", AT.plusSeconds(60)))
                .then(new DraftSaved(ID, "contract-review", CONTENT, "k.lee", AT.plusSeconds(60)));
    }

    @Test
    void publishingFreezesTheDraftAsTheGivenVersion() {
        spec.given(SAVED)
                .when(new PublishDraft(4, "o.ramirez", AT))
                .then(new DraftPublished(ID, "contract-review", 4, "o.ramirez", AT));
    }

    @Test
    void aPublishedDraftKnowsItsVersion() {
        assertEquals(
                4,
                spec.given(SAVED)
                        .when(new PublishDraft(4, "o.ramirez", AT))
                        .thenState()
                        .publishedVersion());
    }

    @Test
    void aPublishedDraftIsNeverEdited() {
        RuleBroken e = spec.given(SAVED, PUBLISHED)
                .when(new SaveDraft(ID, "contract-review", CONTENT, "o.ramirez", AT))
                .thenFails(RuleBroken.class);
        assertEquals(DraftDecider.DRAFT_PUBLISHED, e.rule());
    }

    @Test
    void aDraftIsPublishedOnlyOnce() {
        RuleBroken e = spec.given(SAVED, PUBLISHED)
                .when(new PublishDraft(3, "o.ramirez", AT))
                .thenFails(RuleBroken.class);
        assertEquals(DraftDecider.DRAFT_PUBLISHED, e.rule());
    }

    @Test
    void anUnknownDraftCannotBePublished() {
        spec.given().when(new PublishDraft(1, "o.ramirez", AT)).thenFails(NotFound.class);
    }

    @Test
    void everyCommandAndEventHasABranch() {
        SealedDispatch.assertHandlesEvery(
                c -> decider.decide((DraftCommand) c, decider.initialState()), UnhandledCase.class, DraftCommand.class);
        SealedDispatch.assertHandlesEvery(
                e -> decider.evolve(decider.initialState(), (DraftEvent) e), UnhandledCase.class, DraftEvent.class);
    }
}
