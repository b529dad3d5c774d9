package io.lanes.subscription.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;

/** Webhook delivery settings ({@code lanes.hooks.*} in application.properties, which says what each means). */
@ConfigMapping(prefix = "lanes.hooks")
public interface HooksConfig {

    List<Duration> retrySchedule();

    Duration timeout();

    int disableAfterFailedDeliveries();

    Duration pollInterval();

    int maxInFlight();

    int maxInFlightPerSubscription();

    boolean requireHttps();

    boolean allowPrivateAddresses();

    Duration previousSecretValidity();

    Duration streamHeartbeat();

    Duration noticeRetention();

    Duration noticePurgeInterval();
}
