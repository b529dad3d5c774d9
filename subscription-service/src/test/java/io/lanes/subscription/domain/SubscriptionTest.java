package io.lanes.subscription.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which notices a subscription wants, and which secrets sign. */
class SubscriptionTest {

    private static final Instant CREATED = Instant.parse("2026-03-02T10:00:00Z");
    private static final SigningSecret SECRET = SigningSecret.generate(new SecureRandom());

    private static Subscription subscription(DeliveryFilter filter, Subscription.Status status) {
        return new Subscription(
                UUID.randomUUID(),
                "p.moss",
                new SubscriptionSpec(
                        URI.create("https://pm.example.com"), List.of("io.lanes.escalation-raised.v1"), filter, null),
                status,
                null,
                SECRET,
                null,
                null,
                CREATED);
    }

    private static Notice raised(String team, String severity, Instant at) {
        return new Notice(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "io.lanes.escalation-raised.v1",
                at,
                "employment-dispute",
                team,
                "MILESTONE_SLIPPED",
                severity,
                "{}");
    }

    @Test
    void wantsItsTypesThatPassItsFilter() {
        Subscription critical =
                subscription(new DeliveryFilter(null, "employment", null, "CRITICAL"), Subscription.Status.ACTIVE);
        Instant later = CREATED.plusSeconds(60);

        assertTrue(critical.wants(raised("employment", "CRITICAL", later), Set.of(), true));
        assertFalse(critical.wants(raised("employment", "WARNING", later), Set.of(), true));
        assertFalse(critical.wants(raised("litigation", "CRITICAL", later), Set.of(), true));
    }

    @Test
    void anEventWithoutAFilteredFieldDoesNotMatch() {
        Subscription critical =
                subscription(new DeliveryFilter(null, null, null, "CRITICAL"), Subscription.Status.ACTIVE);

        assertFalse(critical.wants(raised("employment", null, CREATED), Set.of(), true));
    }

    @Test
    void notWhenDisabledScreenedOrForEventsBeforeItExistedUnlessReplayed() {
        Notice early = raised("employment", "WARNING", CREATED.minusSeconds(60));
        Subscription any = subscription(DeliveryFilter.ANY, Subscription.Status.ACTIVE);

        assertFalse(subscription(DeliveryFilter.ANY, Subscription.Status.DISABLED)
                .wants(raised("employment", "WARNING", CREATED), Set.of(), true));
        assertFalse(any.wants(raised("employment", "WARNING", CREATED), Set.of("p.moss"), true));
        assertFalse(any.wants(early, Set.of(), true));
        assertTrue(any.wants(early, Set.of(), false));
    }

    @Test
    void thePreviousSecretSignsUntilItsTime() {
        SigningSecret next = SigningSecret.generate(new SecureRandom());
        Instant until = CREATED.plusSeconds(3600);

        assertEquals(List.of(next, SECRET), SigningSecret.live(next, SECRET, until, until.minusSeconds(1)));
        assertEquals(List.of(next), SigningSecret.live(next, SECRET, until, until));
        assertEquals(List.of(next), SigningSecret.live(next, null, null, CREATED));
    }
}
