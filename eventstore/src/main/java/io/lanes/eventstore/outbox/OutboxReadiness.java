package io.lanes.eventstore.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the outbox relay, with its lag in the details. A Kafka outage alone keeps the service
 * ready (appends keep succeeding and wait in the outbox); it turns DOWN when events have waited
 * longer than {@code lanes.outbox.max-ready-lag}, or when the relay should run and does not.
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {

    private final OutboxRelay relay;

    public OutboxReadiness(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Outbox relay to Kafka")
                .withData("pendingEvents", relay.pending())
                .withData("lagSeconds", relay.lag().toSeconds());
        if (relay.lastError() != null) {
            response.withData("lastError", relay.lastError());
        }
        boolean enabled = relay.config().enabled();
        boolean up = !enabled
                || (relay.isRunning() && relay.lag().compareTo(relay.config().maxReadyLag()) <= 0);
        return response.status(up).build();
    }
}
