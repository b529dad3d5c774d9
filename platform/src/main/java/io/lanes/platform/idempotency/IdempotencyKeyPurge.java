package io.lanes.platform.idempotency;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes Idempotency-Keys older than their retention, every {@code lanes.idempotency.purge-every}
 * (1 h), so the table holds about a day of creating requests. Expired keys are already ignored by
 * {@link IdempotencyKeys}; the purge only reclaims the space. Any replica may run it.
 */
@ApplicationScoped
public class IdempotencyKeyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyPurge.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration retention;
    private final Duration every;
    private ScheduledExecutorService timer;

    public IdempotencyKeyPurge(
            DataSource dataSource,
            Clock clock,
            @ConfigProperty(name = "lanes.idempotency.key-retention", defaultValue = "24h") Duration retention,
            @ConfigProperty(name = "lanes.idempotency.purge-every", defaultValue = "1h") Duration every) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.retention = retention;
        this.every = every;
    }

    void start(@Observes StartupEvent startup) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "idempotency-key-purge"));
        timer.scheduleWithFixedDelay(this::purgeQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Deletes the keys older than the retention; how many. Blocking. */
    public int purgeExpired() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM lanes_idempotency_key WHERE created_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(clock.instant().minus(retention)));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot purge expired idempotency keys", e);
        }
    }

    private void purgeQuietly() {
        try {
            int purged = purgeExpired();
            if (purged > 0) {
                LOG.infof("purged %d idempotency keys older than %s", purged, retention);
            }
        } catch (RuntimeException e) {
            LOG.warnf("idempotency key purge failed (%s); trying again in %s", e.getMessage(), every);
        }
    }
}
