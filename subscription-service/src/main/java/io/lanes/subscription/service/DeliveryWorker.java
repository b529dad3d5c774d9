package io.lanes.subscription.service;

import io.lanes.platform.tracing.Traceparent;
import io.lanes.subscription.config.HooksConfig;
import io.lanes.subscription.domain.AttemptResult;
import io.lanes.subscription.domain.DeliveryPolicy;
import io.lanes.subscription.domain.DeliveryPolicy.Delivered;
import io.lanes.subscription.domain.DeliveryPolicy.RetryAfter;
import io.lanes.subscription.domain.SigningSecret;
import io.lanes.subscription.domain.SubscriptionCommand.ReportFailedDelivery;
import io.lanes.subscription.persistence.Deliveries;
import io.lanes.subscription.persistence.Deliveries.Claimed;
import io.lanes.subscription.persistence.SubscriptionRecords;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Sends what is due. Every {@code lanes.hooks.poll-interval} a pass claims due deliveries (a lease marks
 * them on the wire) and starts each attempt on its own Vert.x context without waiting for it, so an
 * endpoint that hangs for its whole timeout delays nothing else; the outcome is written in a
 * transaction of its own.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    /** Beyond the timeout, how long a claim stays with a service that may have died holding it. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(15);

    private final Deliveries deliveries;
    private final SubscriptionRecords subscriptions;
    private final SubscriptionService service;
    private final WebhookSender sender;
    private final WebhookTargets targets;
    private final DeliveryPolicy policy;
    private final HooksConfig config;
    private final Vertx vertx;
    private final Clock clock;
    private final Tracer tracer;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean polling = new AtomicBoolean();
    private long timer;
    private final Counter delivered;
    private final Counter failedAttempts;
    private final Counter failedDeliveries;

    public DeliveryWorker(
            Deliveries deliveries,
            SubscriptionRecords subscriptions,
            SubscriptionService service,
            WebhookSender sender,
            WebhookTargets targets,
            DeliveryPolicy policy,
            HooksConfig config,
            Vertx vertx,
            Clock clock,
            MeterRegistry registry,
            Tracer tracer) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.service = service;
        this.sender = sender;
        this.targets = targets;
        this.policy = policy;
        this.config = config;
        this.vertx = vertx;
        this.clock = clock;
        this.tracer = tracer;
        registry.gauge("lanes_webhook_deliveries_in_flight", inFlight);
        this.delivered = registry.counter("lanes_webhook_deliveries_total", "outcome", "delivered");
        this.failedDeliveries = registry.counter("lanes_webhook_deliveries_total", "outcome", "failed");
        this.failedAttempts = registry.counter("lanes_webhook_failed_attempts_total");
    }

    void start(@Observes StartupEvent startup) {
        timer = vertx.setPeriodic(config.pollInterval().toMillis(), tick -> pollNow());
    }

    /** A pass now, unless one is running; also after each attempt, so a matter's next event need not wait a tick. */
    private void pollNow() {
        if (polling.compareAndSet(false, true)) {
            onOwnContext(() -> poll().onTermination().invoke(() -> polling.set(false)), "looking for due deliveries");
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        vertx.cancelTimer(timer);
    }

    /** One pass: claims what is due and starts each attempt without waiting for it. */
    Uni<Void> poll() {
        int free = config.maxInFlight() - inFlight.get();
        if (free <= 0) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> deliveries.claim(
                        free,
                        config.maxInFlightPerSubscription(),
                        config.timeout().plus(LEASE_MARGIN)))
                .invoke(claimed -> claimed.forEach(this::start))
                .replaceWithVoid();
    }

    private void start(Claimed claimed) {
        inFlight.incrementAndGet();
        onOwnContext(
                () -> attempt(claimed).onTermination().invoke(() -> {
                    inFlight.decrementAndGet();
                    pollNow();
                }),
                "delivering " + claimed.eventId() + " to " + claimed.subscriptionId()
                        + " (its lease runs out and it goes again)");
    }

    /** Runs the work on a context of its own: concurrent attempts must not share a reactive session. */
    private void onOwnContext(Supplier<Uni<Void>> work, String what) {
        OwnContext.of(vertx)
                .execute(() -> work.get()
                        .subscribe()
                        .with(done -> {}, failure -> LOG.warnf("%s failed: %s", what, failure.getMessage())));
    }

    /**
     * One attempt as a client span of the trace the escalation belongs to (the notice's routing span),
     * its context sent on as the request's {@code traceparent}.
     */
    private Uni<Void> attempt(Claimed claimed) {
        Instant now = clock.instant();
        URI url = URI.create(claimed.url());
        Span span = tracer.spanBuilder("webhook POST")
                .setParent(Traceparent.parent(claimed.traceparent()))
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.request.method", "POST")
                .setAttribute("server.address", String.valueOf(url.getHost()))
                .setAttribute("cloudevents.event_id", claimed.eventId().toString())
                .setAttribute("lanes.subscription_id", claimed.subscriptionId().toString())
                .setAttribute("lanes.webhook.attempt", claimed.attemptsSoFar() + 1L)
                .startSpan();
        return targets.refusalOffTheEventLoop(url)
                .chain(refusal -> refusal.isPresent()
                        ? Uni.createFrom().item(AttemptResult.unanswered(refusal.get()))
                        : sender.send(
                                url,
                                claimed.eventId().toString(),
                                claimed.body().getBytes(StandardCharsets.UTF_8),
                                SigningSecret.live(
                                        new SigningSecret(claimed.secret()),
                                        claimed.previousSecret() == null
                                                ? null
                                                : new SigningSecret(claimed.previousSecret()),
                                        claimed.previousSecretUntil(),
                                        now),
                                now,
                                Traceparent.of(span.getSpanContext())))
                .invoke(result -> {
                    if (result.status() != null) {
                        span.setAttribute(
                                "http.response.status_code", result.status().longValue());
                    }
                    if (!result.succeeded()) {
                        span.setStatus(StatusCode.ERROR, String.valueOf(result.error()));
                    }
                })
                .chain(result -> Panache.withTransaction(() -> record(claimed, result)))
                .onTermination()
                .invoke(span::end);
    }

    private Uni<Void> record(Claimed claimed, AttemptResult result) {
        int attempts = claimed.attemptsSoFar() + 1;
        DeliveryPolicy.Next next = policy.after(attempts, result, ThreadLocalRandom.current());
        if (next instanceof Delivered) {
            delivered.increment();
            return deliveries
                    .attempted(
                            claimed.subscriptionId(),
                            claimed.eventId(),
                            Deliveries.Status.DELIVERED,
                            result.status(),
                            null,
                            null)
                    .chain(() -> subscriptions.deliverySucceeded(claimed.subscriptionId()));
        }
        failedAttempts.increment();
        if (next instanceof RetryAfter retry) {
            return deliveries.attempted(
                    claimed.subscriptionId(),
                    claimed.eventId(),
                    Deliveries.Status.PENDING,
                    result.status(),
                    result.error(),
                    clock.instant().plus(retry.delay()));
        }
        failedDeliveries.increment();
        LOG.warnf(
                "delivery of %s to subscription %s failed after %d attempt(s): %s",
                claimed.eventId(), claimed.subscriptionId(), attempts, result.error());
        return deliveries
                .attempted(
                        claimed.subscriptionId(),
                        claimed.eventId(),
                        Deliveries.Status.FAILED,
                        result.status(),
                        result.error(),
                        null)
                .chain(() -> subscriptions.deliveryFailed(claimed.subscriptionId()))
                .chain(inARow -> service.handleInCurrentTransaction(
                        claimed.subscriptionId(),
                        new ReportFailedDelivery(
                                claimed.eventId(),
                                attempts,
                                result.status(),
                                result.error(),
                                policy.disables(result, inARow),
                                clock.instant())));
    }
}
