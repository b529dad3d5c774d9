package io.lanes.kpi.snapshot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.contracts.EventJson;
import io.lanes.kpi.persistence.SnapshotStore;
import io.lanes.kpi.persistence.measure.ScorecardCalculator;
import io.lanes.kpi.scorecard.Period;
import io.lanes.kpi.scorecard.ReportSchedule;
import io.lanes.kpi.scorecard.Scope;
import io.lanes.kpi.scorecard.ScorecardKind;
import io.lanes.kpi.service.Scorecards;
import io.lanes.platform.time.ClockTravelled;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Produces the weekly snapshot of the three scorecards (Monday 06:00 UTC, for the seven days before),
 * and any slot missed while the service was down, late. Several instances may run: the slot's
 * primary key lets one store it.
 */
@ApplicationScoped
public class WeeklySnapshots {

    private static final Logger LOG = Logger.getLogger(WeeklySnapshots.class);

    private static final Duration SCHEDULE_WRITE = Duration.ofSeconds(10);

    private final SnapshotStore store;
    private final Scorecards scorecards;
    private final Clock clock;

    public WeeklySnapshots(SnapshotStore store, Scorecards scorecards, Clock clock) {
        this.store = store;
        this.scorecards = scorecards;
        this.clock = clock;
    }

    @Scheduled(
            every = "${lanes.snapshots.check-every}",
            delayed = "${lanes.snapshots.delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> produceDue() {
        Instant now = clock.instant();
        return store.scheduleFrom(ReportSchedule.firstSlotAtOrAfter(now))
                .chain(() -> store.deliveries(now))
                .onItem()
                .transformToMulti(deliveries -> Multi.createFrom().iterable(deliveries))
                .filter(d -> d.producedAt() == null)
                .onItem()
                .transformToUniAndConcatenate(d -> produce(d.scheduledFor(), clock.instant()))
                .collect()
                .last()
                .replaceWithVoid()
                .onFailure()
                .invoke(e -> LOG.warnf(e, "weekly snapshot not produced; next check retries"))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * A clock moved back (a local demo going to the start of its history) owes the snapshots from there: the
     * schedule learns of it before the move is answered, so a demo that passes the next Monday before the
     * next scheduled check still gets that Monday's snapshot.
     */
    void owedFrom(@Observes ClockTravelled travelled) {
        store.scheduleFrom(ReportSchedule.firstSlotAtOrAfter(travelled.to()))
                .await()
                .atMost(SCHEDULE_WRITE);
    }

    /** Computes and stores the slot's snapshot (if no one stored it yet), stamped as produced at {@code producedAt}. */
    public Uni<Boolean> produce(Instant slot, Instant producedAt) {
        Period week = new Period(ReportSchedule.periodEnd(slot).minusDays(7), ReportSchedule.periodEnd(slot));
        return scorecards
                .context(List.of(week), Scope.ALL)
                .chain(context -> Uni.join()
                        .all(Arrays.stream(ScorecardKind.values())
                                .map(kind -> ScorecardCalculator.scorecard(kind, context))
                                .toList())
                        .andFailFast())
                .chain(cards -> {
                    ObjectNode all = EventJson.mapper().createObjectNode();
                    cards.forEach(
                            card -> all.set(card.scorecard(), EventJson.mapper().valueToTree(card)));
                    return store.store(slot, producedAt, week.from(), week.to(), all);
                })
                .invoke(stored -> {
                    if (stored) {
                        LOG.infof("weekly snapshot for %s produced", slot);
                    }
                });
    }
}
