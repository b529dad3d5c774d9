package io.lanes.subscription.domain;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * What follows an attempt: a 2xx delivered it; 410 Gone ends it; any other answer or none is retried
 * on the schedule, and when the schedule is spent the delivery has failed. A failed delivery disables
 * its subscription when the endpoint said 410 Gone, or when it makes {@code disableAfterFailedDeliveries}
 * failed deliveries in a row.
 */
public record DeliveryPolicy(RetrySchedule schedule, int disableAfterFailedDeliveries) {

    public sealed interface Next {}

    public record Delivered() implements Next {}

    public record RetryAfter(Duration delay) implements Next {}

    public record Failed() implements Next {}

    /** @param attempts attempts so far, this one included */
    public Next after(int attempts, AttemptResult result, RandomGenerator random) {
        if (result.succeeded()) {
            return new Delivered();
        }
        if (result.gone()) {
            return new Failed();
        }
        return schedule.after(attempts, random).<Next>map(RetryAfter::new).orElseGet(Failed::new);
    }

    /** @param failedInARow failed deliveries in a row, the one that just failed included */
    public boolean disables(AttemptResult last, int failedInARow) {
        return last.gone() || failedInARow >= disableAfterFailedDeliveries;
    }
}
