package io.lanes.opsconfig.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lanes.opsconfig.domain.DraftCommand.PublishDraft;
import io.lanes.opsconfig.domain.DraftCommand.SaveDraft;
import io.lanes.opsconfig.domain.DraftEvent.DraftPublished;
import io.lanes.opsconfig.domain.DraftEvent.DraftSaved;
import io.lanes.platform.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Given draft events, when a command, then events or a broken rule. */
class DraftDeciderTest {

    private static final UUID ID = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    private static final PlaybookContent CONTENT = new PlaybookContent("litigation", List.of(), List.of(), null, List.of(),
            List.of(), null, null);

    private final DraftDecider decider = new DraftDecider();

    private Draft given(DraftEvent... events) {
        return decider.fold(List.of(events));
    }

    @Test
    void savingANewDraftCreatesIt() {
        List<DraftEvent> events = decider.decide(new SaveDraft(ID, "contract-review", CONTENT, "o.ramirez", AT), given());
        assertEquals(List.of(new DraftSaved(ID, "contract-review", CONTENT, "o.ramirez", AT)), events);
    }

    @Test
    void anUnpublishedDraftCanBeEditedAgain() {
        Draft draft = given(new DraftSaved(ID, "contract-review", CONTENT, "o.ramirez", AT));
        List<DraftEvent> events = decider.decide(new SaveDraft(ID, "contract-review", CONTENT, "k.lee", AT.plusSeconds(60)),
                draft);
        assertEquals("k.lee", ((DraftSaved) events.get(0)).savedBy());
    }

    @Test
    void publishingFreezesTheDraftAsTheGivenVersion() {
        Draft draft = given(new DraftSaved(ID, "contract-review", CONTENT, "o.ramirez", AT));
        List<DraftEvent> events = decider.decide(new PublishDraft(4, "o.ramirez", AT), draft);
        assertEquals(List.of(new DraftPublished(ID, "contract-review", 4, "o.ramirez", AT)), events);
        assertEquals(4, decider.evolve(draft, events.get(0)).publishedVersion());
    }

    @Test
    void aPublishedDraftIsNeverEdited() {
        Draft published = given(new DraftSaved(ID, "contract-review", CONTENT, "o.ramirez", AT),
                new DraftPublished(ID, "contract-review", 2, "o.ramirez", AT));
        ProblemException e = assertThrows(ProblemException.class,
                () -> decider.decide(new SaveDraft(ID, "contract-review", CONTENT, "o.ramirez", AT), published));
        assertEquals(DraftDecider.DRAFT_PUBLISHED, e.extensions().get("rule"));
    }

    @Test
    void aDraftIsPublishedOnlyOnce() {
        Draft published = given(new DraftSaved(ID, "contract-review", CONTENT, "o.ramirez", AT),
                new DraftPublished(ID, "contract-review", 2, "o.ramirez", AT));
        assertThrows(ProblemException.class, () -> decider.decide(new PublishDraft(3, "o.ramirez", AT), published));
    }
}
