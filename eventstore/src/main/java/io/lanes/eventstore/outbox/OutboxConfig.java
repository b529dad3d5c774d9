package io.lanes.eventstore.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox relay runs ({@code lanes.outbox.*}, each overridable by environment). */
@ConfigMapping(prefix = "lanes.outbox")
public interface OutboxConfig {

    /** Whether this instance relays at all (several instances may run; one relays at a time). */
    @WithDefault("true")
    boolean enabled();

    /** Events read and sent per round. */
    @WithDefault("500")
    int batchSize();

    /** The backstop poll when no NOTIFY arrives. */
    @WithDefault("1s")
    Duration pollInterval();

    /** The longest wait between retries while Kafka or the database is unreachable. */
    @WithDefault("30s")
    Duration maxBackoff();

    /** Readiness turns DOWN when the oldest unpublished event is older than this. */
    @WithDefault("5m")
    Duration maxReadyLag();
}
