package io.lanes.subscription.domain;

import io.lanes.contracts.hooks.SubscriptionEvent;
import io.lanes.contracts.hooks.WebhookDeliveryFailed;
import io.lanes.eventstore.aggregate.UnhandledCase;
import io.lanes.platform.domain.NotFound;
import io.lanes.subscription.domain.SubscriptionChange.SecretRotated;
import io.lanes.subscription.domain.SubscriptionChange.SubscriptionChanged;
import io.lanes.subscription.domain.SubscriptionChange.SubscriptionCreated;
import io.lanes.subscription.domain.SubscriptionChange.SubscriptionDeleted;
import io.lanes.subscription.domain.SubscriptionChange.SubscriptionDisabled;
import io.lanes.subscription.domain.SubscriptionChange.SubscriptionEnabled;
import io.lanes.subscription.domain.SubscriptionCommand.ChangeSubscription;
import io.lanes.subscription.domain.SubscriptionCommand.CreateSubscription;
import io.lanes.subscription.domain.SubscriptionCommand.DeleteSubscription;
import io.lanes.subscription.domain.SubscriptionCommand.DisableSubscription;
import io.lanes.subscription.domain.SubscriptionCommand.EnableSubscription;
import io.lanes.subscription.domain.SubscriptionCommand.ReportFailedDelivery;
import io.lanes.subscription.domain.SubscriptionCommand.RotateSecret;
import io.lanes.testing.decider.DeciderSpec;
import io.lanes.testing.decider.SealedDispatch;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Given subscription events, when a command, then events or a refusal. */
class SubscriptionDeciderTest {

    private static final UUID ID = UUID.randomUUID();
    private static final UUID EVENT = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    private static final SigningSecret SECRET = new SigningSecret("whsec_c2VjcmV0LW9uZS1zZWNyZXQtb25lLXNlY3JldC1vbmUh");
    private static final SigningSecret NEXT_SECRET =
            new SigningSecret("whsec_c2VjcmV0LXR3by1zZWNyZXQtdHdvLXNlY3JldC10d28tIQ==");
    private static final SubscriptionSpec SPEC = new SubscriptionSpec(
            URI.create("https://pm.example.com/hooks"),
            List.of("io.lanes.milestone-slipped.v1"),
            DeliveryFilter.ANY,
            "slips to the PM board");
    private static final SubscriptionCreated CREATED = new SubscriptionCreated(ID, "p.moss", SPEC, SECRET, AT);

    private final SubscriptionDecider decider = new SubscriptionDecider();
    private final DeciderSpec<SubscriptionCommand, Subscription, Object> spec =
            DeciderSpec.of(decider.initialState(), decider::evolve, decider::decide);

    @Test
    void aSubscriptionIsCreatedOnce() {
        CreateSubscription create = new CreateSubscription(ID, "p.moss", SPEC, SECRET, AT);
        spec.given().when(create).then(CREATED);
        spec.given(CREATED).when(create).thenNothing();
    }

    @Test
    void aChangeCarriesTheWholeNewSpecAndTheSameSpecChangesNothing() {
        SubscriptionSpec wider = new SubscriptionSpec(
                SPEC.url(), List.of("io.lanes.milestone-slipped.v1", "io.lanes.escalation-raised.v1"), null, null);
        spec.given(CREATED)
                .when(new ChangeSubscription(wider, "p.moss", AT))
                .then(new SubscriptionChanged(ID, wider, "p.moss", AT));
        spec.given(CREATED).when(new ChangeSubscription(SPEC, "p.moss", AT)).thenNothing();
    }

    @Test
    void rotationKeepsThePreviousSecretSigningForItsValidity() {
        spec.given(CREATED)
                .when(new RotateSecret(NEXT_SECRET, Duration.ofHours(24), "p.moss", AT))
                .then(new SecretRotated(ID, NEXT_SECRET, AT.plus(Duration.ofHours(24)), "p.moss", AT));
    }

    @Test
    void pausingAndResumingAreIdempotent() {
        SubscriptionDisabled paused = new SubscriptionDisabled(ID, "paused", "p.moss", AT);
        spec.given(CREATED)
                .when(new DisableSubscription("paused", "p.moss", AT))
                .then(paused);
        spec.given(CREATED, paused)
                .when(new DisableSubscription("again", "p.moss", AT))
                .thenNothing();
        spec.given(CREATED, paused)
                .when(new EnableSubscription("p.moss", AT))
                .then(new SubscriptionEnabled(ID, "p.moss", AT));
        spec.given(CREATED).when(new EnableSubscription("p.moss", AT)).thenNothing();
    }

    @Test
    void aFailedDeliveryIsPublishedAndLeavesTheSubscriptionActive() {
        spec.given(CREATED)
                .when(new ReportFailedDelivery(EVENT, 8, 503, "503 Service Unavailable", false, AT))
                .then(new WebhookDeliveryFailed(
                        ID, SPEC.url().toString(), EVENT, 8, 503, "503 Service Unavailable", false, AT));
    }

    @Test
    void goneDisablesTheSubscriptionWithTheFailure() {
        spec.given(CREATED)
                .when(new ReportFailedDelivery(EVENT, 1, 410, "410 Gone", true, AT))
                .then(
                        new WebhookDeliveryFailed(ID, SPEC.url().toString(), EVENT, 1, 410, "410 Gone", true, AT),
                        new SubscriptionDisabled(ID, SubscriptionDecider.ENDPOINT_GONE, "lanes", AT));
    }

    @Test
    void aFailureThatWouldDisableADisabledSubscriptionOnlyReportsIt() {
        SubscriptionDisabled gone = new SubscriptionDisabled(ID, SubscriptionDecider.ENDPOINT_GONE, "lanes", AT);
        spec.given(CREATED, gone)
                .when(new ReportFailedDelivery(EVENT, 1, 410, "410 Gone", true, AT))
                .then(new WebhookDeliveryFailed(ID, SPEC.url().toString(), EVENT, 1, 410, "410 Gone", false, AT));
    }

    @Test
    void aDeletedSubscriptionTakesNoMoreCommands() {
        SubscriptionDeleted deleted = new SubscriptionDeleted(ID, "p.moss", AT);
        spec.given(CREATED).when(new DeleteSubscription("p.moss", AT)).then(deleted);
        spec.given(CREATED, deleted).when(new EnableSubscription("p.moss", AT)).thenFails(NotFound.class);
        spec.given().when(new ChangeSubscription(SPEC, "p.moss", AT)).thenFails(NotFound.class);
    }

    @Test
    void everyCommandAndEventHasABranch() {
        SealedDispatch.assertHandlesEvery(
                c -> decider.decide((SubscriptionCommand) c, decider.initialState()),
                UnhandledCase.class,
                SubscriptionCommand.class);
        SealedDispatch.assertHandlesEvery(
                e -> decider.evolve(decider.initialState(), e),
                UnhandledCase.class,
                SubscriptionChange.class,
                SubscriptionEvent.class);
    }
}
