package io.lanes.subscription.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How long to wait after each failed attempt before the next: exponential steps (by default the
 * Standard Webhooks suggestion, 5 s to 10 h), each stretched by up to 10 % at random so that
 * deliveries that failed together do not retry together. After the last step the delivery has failed.
 */
public record RetrySchedule(List<Duration> waits) {

    private static final double JITTER = 0.10;

    public RetrySchedule {
        waits = List.copyOf(waits);
    }

    /** The wait after the {@code attemptsSoFar}-th failed attempt; empty when none is left. */
    public Optional<Duration> after(int attemptsSoFar, RandomGenerator random) {
        if (attemptsSoFar < 1 || attemptsSoFar > waits.size()) {
            return Optional.empty();
        }
        Duration wait = waits.get(attemptsSoFar - 1);
        long extra = (long) (wait.toMillis() * JITTER * random.nextDouble());
        return Optional.of(wait.plusMillis(extra));
    }

    /** Attempts in all: the first, then one after each wait. */
    public int maxAttempts() {
        return waits.size() + 1;
    }
}
