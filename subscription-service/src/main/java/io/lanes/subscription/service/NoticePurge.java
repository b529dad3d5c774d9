package io.lanes.subscription.service;

import io.lanes.subscription.config.HooksConfig;
import io.lanes.subscription.persistence.Notices;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Keeps the store of escalation events to what the escalation topic keeps
 * ({@code lanes.hooks.notice-retention}, 90 days): older notices and their delivery log go once an hour,
 * except those with a delivery still pending. Replay and the live stream reach back that far.
 */
@ApplicationScoped
public class NoticePurge {

    private static final Logger LOG = Logger.getLogger(NoticePurge.class);

    private final Notices notices;
    private final HooksConfig config;
    private final Vertx vertx;
    private final Clock clock;
    private long timer;

    public NoticePurge(Notices notices, HooksConfig config, Vertx vertx, Clock clock) {
        this.notices = notices;
        this.config = config;
        this.vertx = vertx;
        this.clock = clock;
    }

    void start(@Observes StartupEvent startup) {
        timer = vertx.setPeriodic(
                config.noticePurgeInterval().toMillis(),
                tick -> OwnContext.of(vertx)
                        .execute(() -> purge().subscribe()
                                .with(
                                        purged -> LOG.debugf("forgot %d notices", purged),
                                        failure -> LOG.warnf("purging old notices failed: %s", failure.getMessage()))));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        vertx.cancelTimer(timer);
    }

    /** One pass; how many notices went. */
    public Uni<Integer> purge() {
        return Panache.withTransaction(
                () -> notices.forgetBefore(clock.instant().minus(config.noticeRetention())));
    }
}
