package io.lanes.matter.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** At start-up, queues the work of matters changed before the work queue existed (once: it then has rows). */
@ApplicationScoped
public class WorkQueueBackfill {

    private static final Logger LOG = Logger.getLogger(WorkQueueBackfill.class);

    void fill(@Observes StartupEvent startup, MatterService matters) throws Throwable {
        int queued = VertxContextSupport.subscribeAndAwait(matters::queueWorkOfExistingMatters);
        if (queued > 0) {
            LOG.infof("queued the work of %d existing matters", queued);
        }
    }
}
