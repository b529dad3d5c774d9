package io.lanes.subscription.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lanes.subscription.domain.DeliveryPolicy.Delivered;
import io.lanes.subscription.domain.DeliveryPolicy.Failed;
import io.lanes.subscription.domain.DeliveryPolicy.RetryAfter;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {

    private static final RandomGenerator NO_JITTER = () -> 0L;
    private static final RandomGenerator MOST_JITTER = new RandomGenerator() {
        @Override
        public long nextLong() {
            return -1L;
        }

        @Override
        public double nextDouble() {
            return 0.999;
        }
    };

    private final DeliveryPolicy policy = new DeliveryPolicy(
            new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30))), 3);

    @Test
    void aTwoHundredSomethingDelivers() {
        assertInstanceOf(Delivered.class, policy.after(1, AttemptResult.answered(204, "No Content"), NO_JITTER));
    }

    @Test
    void failuresWaitLongerEachTimeThenGiveUp() {
        AttemptResult down = AttemptResult.answered(500, "Internal Server Error");

        assertEquals(new RetryAfter(Duration.ofSeconds(5)), policy.after(1, down, NO_JITTER));
        assertEquals(new RetryAfter(Duration.ofMinutes(5)), policy.after(2, down, NO_JITTER));
        assertEquals(
                new RetryAfter(Duration.ofSeconds(5).plusMillis(499)),
                policy.after(1, down, MOST_JITTER),
                "jitter stretches a wait by up to 10 %");
        assertEquals(
                new RetryAfter(Duration.ofMinutes(30)),
                policy.after(3, AttemptResult.unanswered("timeout"), NO_JITTER));
        assertInstanceOf(Failed.class, policy.after(4, down, NO_JITTER));
        assertEquals(4, policy.schedule().maxAttempts());
    }

    @Test
    void goneEndsAtOnceAndDisables() {
        AttemptResult gone = AttemptResult.answered(410, "Gone");

        assertInstanceOf(Failed.class, policy.after(1, gone, NO_JITTER));
        assertTrue(policy.disables(gone, 1));
    }

    @Test
    void failedDeliveriesInARowDisableAtTheLimit() {
        AttemptResult down = AttemptResult.answered(503, "Service Unavailable");

        assertFalse(policy.disables(down, 2));
        assertTrue(policy.disables(down, 3));
    }
}
