package io.lanes.subscription.service;

import io.lanes.platform.security.Caller;
import io.lanes.subscription.config.HooksConfig;
import io.lanes.subscription.domain.Notice;
import io.lanes.subscription.domain.SubscriptionRules.Selection;
import io.lanes.subscription.persistence.MatterProfiles;
import io.lanes.subscription.persistence.Notices;
import io.lanes.subscription.persistence.Notices.Cursor;
import io.lanes.subscription.persistence.Notices.Placed;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The live stream of escalations for one reader: the stored notices after a place in commit order,
 * then each new one as it commits, that the reader may see (their teams' matters, none they are
 * screened from) and asked for. Resuming after the last event a reader received misses nothing and
 * repeats nothing.
 */
@ApplicationScoped
public class EscalationStream {

    private static final int BATCH = 200;

    private final Notices notices;
    private final MatterProfiles profiles;
    private final HooksConfig config;
    private final Vertx vertx;

    public EscalationStream(Notices notices, MatterProfiles profiles, HooksConfig config, Vertx vertx) {
        this.notices = notices;
        this.profiles = profiles;
        this.config = config;
        this.vertx = vertx;
    }

    /**
     * Follows from after the event the reader names (its {@code Last-Event-ID}), or from now when it names
     * none, or one this service no longer keeps.
     */
    public Multi<Notice> follow(Caller caller, Selection selection, UUID lastEventId) {
        Executor context = OwnContext.of(vertx);
        return Uni.createFrom()
                .voidItem()
                .emitOn(context)
                .chain(() -> Panache.withSession(() -> start(lastEventId)))
                .onItem()
                .transformToMulti(start -> follow(caller, selection, start, context));
    }

    private Uni<Cursor> start(UUID lastEventId) {
        return (lastEventId == null ? Uni.createFrom().item(Optional.<Cursor>empty()) : notices.cursorOf(lastEventId))
                .chain(found -> found.isPresent() ? Uni.createFrom().item(found.get()) : notices.now());
    }

    private Multi<Notice> follow(Caller caller, Selection selection, Cursor from, Executor context) {
        AtomicReference<Cursor> cursor = new AtomicReference<>(from);
        return Multi.createBy()
                .repeating()
                .uni(() -> Uni.createFrom()
                        .voidItem()
                        .emitOn(context)
                        .chain(() -> Panache.withSession(() -> next(caller, selection, cursor))))
                .withDelay(config.pollInterval())
                .indefinitely()
                .onItem()
                .transformToIterable(batch -> batch);
    }

    /** The next notices the reader may see, moving its cursor past every notice read. */
    private Uni<List<Notice>> next(Caller caller, Selection selection, AtomicReference<Cursor> cursor) {
        return notices.after(cursor.get(), BATCH).chain(placed -> {
            if (placed.isEmpty()) {
                return Uni.createFrom().item(List.<Notice>of());
            }
            cursor.set(placed.get(placed.size() - 1).cursor());
            return profiles.mattersScreenedFrom(caller.name())
                    .map(screened -> placed.stream()
                            .map(Placed::notice)
                            .filter(notice -> selection.matches(notice)
                                    && caller.worksFor(notice.team())
                                    && !screened.contains(notice.matterId()))
                            .toList());
        });
    }
}
