package io.lanes.opsconfig.service;

import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.eventstore.EventMetadata;
import io.lanes.eventstore.EventStore;
import io.lanes.eventstore.NewEvent;
import io.lanes.eventstore.StoredEvent;
import io.lanes.eventstore.aggregate.AggregateRepository;
import io.lanes.eventstore.aggregate.Versioned;
import io.lanes.opsconfig.domain.Draft;
import io.lanes.opsconfig.domain.DraftCommand;
import io.lanes.opsconfig.domain.DraftCommand.PublishDraft;
import io.lanes.opsconfig.domain.DraftCommand.SaveDraft;
import io.lanes.opsconfig.domain.DraftDecider;
import io.lanes.opsconfig.domain.DraftEvent;
import io.lanes.opsconfig.domain.PlaybookContent;
import io.lanes.opsconfig.domain.PlaybookDiff;
import io.lanes.opsconfig.domain.PlaybookRules;
import io.lanes.platform.domain.InvalidInput;
import io.lanes.platform.domain.Violation;
import io.lanes.platform.problem.FieldError;
import io.lanes.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Legal operations' playbooks. A playbook version is a {@code playbook-published} event in the stream
 * named after its matter type (so its stream version is the playbook version and the outbox relays
 * it keyed by matter type); a draft is a stream of internal events. Publishing appends to both, and
 * closes the matter type's open improvement flags, in one transaction.
 */
@ApplicationScoped
public class PlaybookService {

    public static final String PLAYBOOK_STREAM = "playbook";
    public static final String DRAFT_STREAM = "playbook-draft";

    private final EventStore store;
    private final AggregateRepository<DraftCommand, Draft, DraftEvent> drafts;
    private final PlaybookRules rules;
    private final ImprovementFlagService flags;
    private final Clock clock;

    public PlaybookService(EventStore store, PlaybookRules rules, ImprovementFlagService flags, Clock clock) {
        this.store = store;
        this.drafts = new AggregateRepository<>(store, new DraftDecider(), DRAFT_STREAM, DraftEvent.TYPES.codec());
        this.rules = rules;
        this.flags = flags;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Versioned<Draft>> createDraft(String matterType, PlaybookContent content, String user) {
        requireValid(content);
        UUID id = UUID.randomUUID();
        return drafts.decideAndAppend(
                draftStream(id),
                new Versioned<>(Draft.NONE, 0),
                new SaveDraft(id, matterType, content, user, clock.instant()),
                EventMetadata.by(user));
    }

    /** Replaces a draft's content; {@code expectedVersion} (from If-Match) may be null. */
    @WithTransaction
    public Uni<Versioned<Draft>> editDraft(
            String matterType, UUID id, PlaybookContent content, String user, Long expectedVersion) {
        requireValid(content);
        return draft(matterType, id).chain(current -> {
            ProblemException.requireVersion("draft", current.version(), expectedVersion);
            return drafts.decideAndAppend(
                    draftStream(id),
                    current,
                    new SaveDraft(id, matterType, content, user, clock.instant()),
                    EventMetadata.by(user));
        });
    }

    @WithSession
    public Uni<Versioned<Draft>> draft(String matterType, UUID id) {
        return drafts.load(draftStream(id)).invoke(found -> {
            if (!found.state().exists() || !found.state().matterType().equals(matterType)) {
                throw ProblemException.notFound("draft", id + " of matter type " + matterType);
            }
        });
    }

    /**
     * The draft as the version it would be published as now, to replay it against history; 422 with the
     * rule errors when it would not pass validation (the rules may have changed since it was saved).
     */
    @WithSession
    public Uni<Candidate> candidate(String matterType, UUID draftId) {
        return draft(matterType, draftId).chain(current -> {
            List<Violation> errors = rules.check(current.state().content());
            if (!errors.isEmpty()) {
                throw ProblemException.unprocessable(
                        "Draft " + draftId + " would not pass validation, so it cannot be replayed; fix it first",
                        errors.stream()
                                .map(v -> new FieldError(v.field(), v.message(), v.code()))
                                .collect(Collectors.toList()));
            }
            return store.version(matterType)
                    .map(latest -> new Candidate(
                            current,
                            current.state()
                                    .content()
                                    .publish(
                                            matterType,
                                            Math.toIntExact(latest + 1),
                                            current.state().updatedBy(),
                                            clock.instant())));
        });
    }

    /** A draft and the version it would be published as. */
    public record Candidate(Versioned<Draft> draft, PlaybookPublished playbook) {}

    /** Publishes the draft as the next version of its matter type's playbook. */
    @WithTransaction
    public Uni<PlaybookPublished> publish(String matterType, UUID draftId, String user) {
        return draft(matterType, draftId).chain(current -> {
            requireValid(current.state().content());
            return store.version(matterType).chain(latest -> {
                int version = Math.toIntExact(latest + 1);
                Instant at = clock.instant();
                EventMetadata metadata = new EventMetadata(null, draftId, user);
                PlaybookPublished published = current.state().content().publish(matterType, version, user, at);
                return drafts.decideAndAppend(
                                draftStream(draftId), current, new PublishDraft(version, user, at), metadata)
                        .chain(() -> store.append(
                                matterType, PLAYBOOK_STREAM, latest, List.of(NewEvent.of(published, metadata))))
                        .chain(() -> flags.closeOpenFlags(matterType, version, user))
                        .replaceWith(published);
            });
        });
    }

    /** The latest version of every matter type's playbook. */
    @WithSession
    public Uni<List<PlaybookPublished>> latestOfEveryType() {
        return store.loadAllOfType(PLAYBOOK_STREAM)
                .map(events -> events.stream()
                        .collect(Collectors.toMap(
                                StoredEvent::streamId, e -> e, (a, b) -> b.version() > a.version() ? b : a))
                        .values()
                        .stream()
                        .map(PlaybookService::published)
                        .sorted(java.util.Comparator.comparing(PlaybookPublished::matterType))
                        .collect(Collectors.toList()));
    }

    @WithSession
    public Uni<List<PlaybookPublished>> history(String matterType) {
        return store.load(matterType).map(events -> {
            if (events.isEmpty()) {
                throw ProblemException.notFound("playbook for matter type", matterType);
            }
            return events.stream().map(PlaybookService::published).collect(Collectors.toList());
        });
    }

    @WithSession
    public Uni<PlaybookPublished> latest(String matterType) {
        return history(matterType).map(versions -> versions.get(versions.size() - 1));
    }

    @WithSession
    public Uni<PlaybookPublished> version(String matterType, int version) {
        return history(matterType)
                .map(versions -> versions.stream()
                        .filter(v -> v.version() == version)
                        .findFirst()
                        .orElseThrow(() -> ProblemException.notFound(
                                "version",
                                version + " of the " + matterType + " playbook (latest is "
                                        + versions.get(versions.size() - 1).version() + ")")));
    }

    @WithSession
    public Uni<List<PlaybookDiff.Change>> diff(String matterType, int from, int to) {
        return history(matterType).map(versions -> {
            Map<Integer, PlaybookPublished> byVersion =
                    versions.stream().collect(Collectors.toMap(PlaybookPublished::version, v -> v));
            PlaybookPublished before = byVersion.get(from);
            PlaybookPublished after = byVersion.get(to);
            if (before == null || after == null) {
                throw ProblemException.notFound(
                        "version", (before == null ? from : to) + " of the " + matterType + " playbook");
            }
            return PlaybookDiff.between(PlaybookContent.of(before), PlaybookContent.of(after));
        });
    }

    private void requireValid(PlaybookContent content) {
        List<Violation> errors = rules.check(content);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private static PlaybookPublished published(StoredEvent stored) {
        return (PlaybookPublished) stored.event();
    }

    static String draftStream(UUID id) {
        return "draft:" + id;
    }
}
