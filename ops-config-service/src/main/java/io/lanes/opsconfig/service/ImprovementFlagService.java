package io.lanes.opsconfig.service;

import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.eventstore.EventMetadata;
import io.lanes.eventstore.EventStore;
import io.lanes.eventstore.StoredEvent;
import io.lanes.eventstore.aggregate.AggregateRepository;
import io.lanes.eventstore.aggregate.Versioned;
import io.lanes.opsconfig.domain.FlagCommand;
import io.lanes.opsconfig.domain.FlagCommand.CloseFlag;
import io.lanes.opsconfig.domain.FlagCommand.DismissFlag;
import io.lanes.opsconfig.domain.FlagCommand.RaiseFlag;
import io.lanes.opsconfig.domain.FlagDecider;
import io.lanes.opsconfig.domain.FlagEvent;
import io.lanes.opsconfig.domain.FlagOutcome;
import io.lanes.opsconfig.domain.ImprovementFlag;
import io.lanes.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The improvement-flag inbox of legal operations: patterns of slipping milestones that point at the
 * playbook. Each flag is a stream of internal events; the inbox folds them on read (flags are few).
 */
@ApplicationScoped
public class ImprovementFlagService {

    public static final String FLAG_STREAM = "improvement-flag";

    private final EventStore store;
    private final AggregateRepository<FlagCommand, ImprovementFlag, FlagEvent> flags;
    private final Clock clock;

    public ImprovementFlagService(EventStore store, Clock clock) {
        this.store = store;
        this.flags = new AggregateRepository<>(store, new FlagDecider(), FLAG_STREAM, FlagEvent.TYPES.codec());
        this.clock = clock;
    }

    /** Flags, newest first, optionally of one status and matter type. */
    @WithSession
    public Uni<List<ImprovementFlag>> list(ImprovementFlag.Status status, String matterType) {
        return all().map(flags -> flags.stream()
                .filter(f -> status == null || f.status() == status)
                .filter(f -> matterType == null || f.matterType().equals(matterType))
                .sorted(Comparator.comparing(ImprovementFlag::raisedAt).reversed())
                .collect(Collectors.toList()));
    }

    @WithSession
    public Uni<ImprovementFlag> get(UUID id) {
        return flags.load(stream(id)).map(found -> {
            if (!found.state().exists()) {
                throw ProblemException.notFound("improvement flag", id);
            }
            return found.state();
        });
    }

    @WithTransaction
    public Uni<ImprovementFlag> raise(
            String matterType,
            String templateKey,
            List<UUID> matters,
            LocalDate windowStart,
            LocalDate windowEnd,
            String by) {
        return raiseInCurrentTransaction(matterType, templateKey, matters, windowStart, windowEnd, by);
    }

    /** Raises a flag within the caller's transaction (the recurring-slip detector's consumer). */
    public Uni<ImprovementFlag> raiseInCurrentTransaction(
            String matterType,
            String templateKey,
            List<UUID> matters,
            LocalDate windowStart,
            LocalDate windowEnd,
            String by) {
        UUID id = UUID.randomUUID();
        return apply(
                id,
                new RaiseFlag(
                        id, matterType, templateKey, List.copyOf(matters), windowStart, windowEnd, by, clock.instant()),
                by);
    }

    @WithTransaction
    public Uni<ImprovementFlag> dismiss(UUID id, String reason, String by) {
        return apply(id, new DismissFlag(reason, by, clock.instant()), by);
    }

    /** The flags {@code version} closed, each with the flags of its template raised after it was published. */
    @WithSession
    public Uni<List<FlagOutcome>> closedBy(PlaybookPublished version) {
        return all().map(flags -> FlagOutcome.of(version.matterType(), version.version(), version.occurredAt(), flags));
    }

    /** Closes every open flag of the matter type: a new playbook version answers them. Caller's transaction. */
    public Uni<Void> closeOpenFlags(String matterType, int playbookVersion, String by) {
        return all().chain(flags -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ImprovementFlag flag : flags) {
                if (flag.status() == ImprovementFlag.Status.OPEN
                        && flag.matterType().equals(matterType)) {
                    chain = chain.chain(() -> apply(flag.id(), new CloseFlag(playbookVersion, by, clock.instant()), by)
                            .replaceWithVoid());
                }
            }
            return chain;
        });
    }

    private Uni<ImprovementFlag> apply(UUID id, FlagCommand command, String by) {
        return flags.load(stream(id))
                .chain(current -> {
                    if (!current.state().exists() && !(command instanceof RaiseFlag)) {
                        throw ProblemException.notFound("improvement flag", id);
                    }
                    return flags.decideAndAppend(stream(id), current, command, EventMetadata.by(by));
                })
                .map(Versioned::state);
    }

    /** Every flag as its events left it. Caller's session. */
    Uni<List<ImprovementFlag>> all() {
        return store.loadAllOfType(FLAG_STREAM).map(events -> {
            Map<String, List<StoredEvent>> byStream = new LinkedHashMap<>();
            for (StoredEvent event : events) {
                byStream.computeIfAbsent(event.streamId(), s -> new ArrayList<>())
                        .add(event);
            }
            return byStream.values().stream()
                    .map(stream -> flags.fold(stream).state())
                    .collect(Collectors.toList());
        });
    }

    private static String stream(UUID id) {
        return "flag:" + id;
    }
}
