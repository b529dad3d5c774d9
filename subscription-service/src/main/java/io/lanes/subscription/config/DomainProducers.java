package io.lanes.subscription.config;

import io.lanes.subscription.domain.DeliveryPolicy;
import io.lanes.subscription.domain.RetrySchedule;
import io.lanes.subscription.domain.SubscriptionRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;

/** Builds the pure domain objects from configuration, so the domain package stays free of CDI. */
@ApplicationScoped
public class DomainProducers {

    @Produces
    @Singleton
    SubscriptionRules subscriptionRules(HooksConfig config) {
        return new SubscriptionRules(config.requireHttps());
    }

    @Produces
    @Singleton
    DeliveryPolicy deliveryPolicy(HooksConfig config) {
        return new DeliveryPolicy(new RetrySchedule(config.retrySchedule()), config.disableAfterFailedDeliveries());
    }

    @Produces
    @Singleton
    SecureRandom secureRandom() {
        return new SecureRandom();
    }
}
