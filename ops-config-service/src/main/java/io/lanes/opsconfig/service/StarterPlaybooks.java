package io.lanes.opsconfig.service;

import io.lanes.contracts.EventJson;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.eventstore.ConcurrencyConflict;
import io.lanes.eventstore.EventMetadata;
import io.lanes.eventstore.EventStore;
import io.lanes.eventstore.NewEvent;
import io.lanes.opsconfig.config.OpsConfig;
import io.lanes.opsconfig.domain.PlaybookContent;
import io.lanes.opsconfig.domain.PlaybookRules;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Publishes the starter playbooks (commercial litigation, employment litigation, contract review)
 * as version 1 of each matter type that has no playbook yet, on first start. The event id is derived
 * from the matter type, so restarts, and two instances starting together, never publish twice.
 */
@ApplicationScoped
public class StarterPlaybooks {

    public static final String PUBLISHER = "lanes-starter";
    private static final Logger LOG = Logger.getLogger(StarterPlaybooks.class);
    private static final String INDEX = "starter-playbooks/index.txt";

    private final EventStore store;
    private final PlaybookRules rules;
    private final OpsConfig config;
    private final Clock clock;

    public StarterPlaybooks(EventStore store, PlaybookRules rules, OpsConfig config, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.config = config;
        this.clock = clock;
    }

    void load(@Observes StartupEvent startup) throws Throwable {
        if (config.loadStarterPlaybooks()) {
            publishMissing();
        }
    }

    /** Publishes the starter playbook of every matter type that has none; blocking, off the event loop. */
    public void publishMissing() throws Throwable {
        for (String matterType : resource(INDEX).strip().split("\\s+")) {
            PlaybookContent content = EventJson.mapper()
                    .readValue(resource("starter-playbooks/" + matterType + ".json"), PlaybookContent.class);
            if (!rules.check(content).isEmpty()) {
                throw new IllegalStateException(
                        "starter playbook " + matterType + " is invalid: " + rules.check(content));
            }
            boolean published = VertxContextSupport.subscribeAndAwait(() -> publishIfNone(matterType, content));
            if (published) {
                LOG.infof("published starter playbook %s as version 1", matterType);
            }
        }
    }

    private Uni<Boolean> publishIfNone(String matterType, PlaybookContent content) {
        return Panache.withTransaction(() -> store.version(matterType).chain(version -> {
                    if (version > 0) {
                        return Uni.createFrom().item(false);
                    }
                    PlaybookPublished first = content.publish(matterType, 1, PUBLISHER, clock.instant());
                    UUID eventId =
                            UUID.nameUUIDFromBytes(("starter-playbook:" + matterType).getBytes(StandardCharsets.UTF_8));
                    return store.append(
                                    matterType,
                                    PlaybookService.PLAYBOOK_STREAM,
                                    0,
                                    List.of(NewEvent.of(eventId, first, EventMetadata.by(PUBLISHER))))
                            .map(result -> !result.replayed());
                }))
                .onFailure(ConcurrencyConflict.class)
                .recoverWithItem(false);
    }

    private static String resource(String name) {
        try (InputStream in = StarterPlaybooks.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
