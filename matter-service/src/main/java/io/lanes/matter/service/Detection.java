package io.lanes.matter.service;

import io.lanes.matter.config.MatterConfig;
import io.lanes.matter.domain.MatterCommand.Detect;
import io.lanes.matter.domain.MatterStatus;
import io.lanes.matter.persistence.MatterSummary;
import io.lanes.platform.security.Caller;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Runs detection on every open matter and pending handoff every {@code lanes.detection.interval}:
 * slips, missed and approaching hard deadlines, overdue status updates, handoffs left waiting, and
 * escalations due to go up their path. Each report is made once (the matter remembers what it
 * reported), and with two instances running the stream version makes the second writer lose.
 */
@ApplicationScoped
public class Detection {

    /** Detection acts for the firm: every open matter, whatever its team or screens. */
    private static final Caller DETECTION = Caller.system("lanes-detection");

    private static final Logger LOG = Logger.getLogger(Detection.class);

    private final MatterService matters;
    private final MatterConfig config;

    public Detection(MatterService matters, MatterConfig config) {
        this.matters = matters;
        this.config = config;
    }

    @Scheduled(
            every = "${lanes.detection.interval:1m}",
            delayed = "${lanes.detection.delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return config.detectionEnabled() ? runOnce() : Uni.createFrom().voidItem();
    }

    /** One pass over the open matters and pending handoffs; a matter that fails is logged and skipped until the next pass. */
    public Uni<Void> runOnce() {
        return matters.firmWide(Set.of(MatterStatus.OPEN, MatterStatus.PENDING))
                .onItem()
                .transformToMulti(Multi.createFrom()::iterable)
                .onItem()
                .transformToUniAndConcatenate(summary -> detect(summary))
                .collect()
                .last()
                .replaceWithVoid();
    }

    private Uni<Void> detect(MatterSummary summary) {
        return matters.handle(
                        summary.matterId,
                        null,
                        DETECTION,
                        context -> new Detect(
                                matters.today(), context.playbook().thresholds(), context.routes(), matters.now()))
                .replaceWithVoid()
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("detection on matter %s failed: %s", summary.matterId, failure.getMessage());
                    return null;
                });
    }
}
