package io.lanes.kpi.service;

import io.lanes.platform.problem.Busy;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At most {@code lanes.scorecards.max-concurrent-computations} scorecard computations at once per replica;
 * one more is refused with 429 and Retry-After rather than queued, so a burst of dashboards cannot
 * exhaust the database pool the projection also needs.
 */
@ApplicationScoped
public class ComputationLimit {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Semaphore permits;
    private final int limit;

    public ComputationLimit(@ConfigProperty(name = "lanes.scorecards.max-concurrent-computations") int limit) {
        this.limit = limit;
        this.permits = new Semaphore(limit);
    }

    public <T> Uni<T> run(Supplier<Uni<T>> computation) {
        return Uni.createFrom().deferred(() -> {
            if (!permits.tryAcquire()) {
                return Uni.createFrom()
                        .failure(new Busy(
                                "kpi-service is computing " + limit + " scorecards already; retry in a moment",
                                RETRY_AFTER));
            }
            return computation.get().onTermination().invoke(permits::release);
        });
    }
}
