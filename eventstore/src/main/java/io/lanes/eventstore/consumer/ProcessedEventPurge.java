package io.lanes.eventstore.consumer;

import io.lanes.eventstore.kafka.KafkaClients;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes a consumer's processed-event rows once they are older than the retention of every topic it
 * reads (as the broker reports it): by then Kafka holds none of the records they guard, so nothing can
 * deliver them again. A consumer of a topic kept for ever ({@code retention.ms=-1}) or compacted keeps
 * its rows: if its group's offsets expire it reads from the start again, and must apply nothing twice.
 * Runs every {@code lanes.consumer.dedupe-purge-every} (1 h); any replica may run it.
 */
@ApplicationScoped
public class ProcessedEventPurge {

    private static final Logger LOG = Logger.getLogger(ProcessedEventPurge.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final KafkaClients kafka;
    private final Clock clock;
    private final Duration every;
    private ScheduledExecutorService timer;

    public ProcessedEventPurge(
            DataSource dataSource,
            KafkaClients kafka,
            Clock clock,
            @ConfigProperty(name = "lanes.consumer.dedupe-purge-every", defaultValue = "1h") Duration every) {
        this.dataSource = dataSource;
        this.kafka = kafka;
        this.clock = clock;
        this.every = every;
    }

    void start(@Observes StartupEvent startup) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "processed-event-purge"));
        timer.scheduleWithFixedDelay(this::purgeQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Deletes what no topic can redeliver any more; how many rows. Blocking. */
    public int purgeExpired() {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Set<String>> topicsByConsumer = topicsByConsumer(connection);
            Set<String> topics = new HashSet<>();
            topicsByConsumer.values().forEach(topics::addAll);
            Map<String, Optional<Duration>> retention = retention(topics);
            int purged = 0;
            for (Map.Entry<String, Set<String>> consumer : topicsByConsumer.entrySet()) {
                Optional<Duration> guarded = shortest(consumer.getValue(), retention);
                if (guarded.isPresent()) {
                    purged += delete(connection, consumer.getKey(), guarded.get());
                }
            }
            return purged;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot purge processed events", e);
        }
    }

    /** The shortest retention of the topics, or empty when one of them keeps its records for ever. */
    private static Optional<Duration> shortest(Set<String> topics, Map<String, Optional<Duration>> retention) {
        Duration shortest = null;
        for (String topic : topics) {
            Optional<Duration> kept = retention.getOrDefault(topic, Optional.empty());
            if (kept.isEmpty()) {
                return Optional.empty();
            }
            shortest = shortest == null || kept.get().compareTo(shortest) < 0 ? kept.get() : shortest;
        }
        return Optional.ofNullable(shortest);
    }

    private static Map<String, Set<String>> topicsByConsumer(Connection connection) throws SQLException {
        Map<String, Set<String>> topics = new HashMap<>();
        try (PreparedStatement select =
                        connection.prepareStatement("SELECT DISTINCT consumer, topic FROM lanes_consumer_progress");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                topics.computeIfAbsent(rows.getString(1), c -> new HashSet<>()).add(rows.getString(2));
            }
        }
        return topics;
    }

    /** Each topic's retention; empty for a topic kept for ever, compacted, or that the broker does not know. */
    private Map<String, Optional<Duration>> retention(Set<String> topics) {
        Map<String, Optional<Duration>> retention = new HashMap<>();
        if (topics.isEmpty()) {
            return retention;
        }
        Set<ConfigResource> resources = new HashSet<>();
        topics.forEach(t -> resources.add(new ConfigResource(ConfigResource.Type.TOPIC, t)));
        try (Admin admin = Admin.create(kafka.common("lanes-processed-event-purge"))) {
            Map<ConfigResource, Config> configs =
                    admin.describeConfigs(resources).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            configs.forEach((resource, config) -> retention.put(resource.name(), kept(config)));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the topics' retention from Kafka", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return retention;
    }

    private static Optional<Duration> kept(Config config) {
        String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        long ms = Long.parseLong(config.get(TopicConfig.RETENTION_MS_CONFIG).value());
        return policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT) || ms < 0
                ? Optional.empty()
                : Optional.of(Duration.ofMillis(ms));
    }

    private int delete(Connection connection, String consumer, Duration retention) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM lanes_processed_event WHERE consumer = ? AND processed_at < ?")) {
            delete.setString(1, consumer);
            delete.setTimestamp(2, Timestamp.from(clock.instant().minus(retention)));
            return delete.executeUpdate();
        }
    }

    private void purgeQuietly() {
        try {
            int purged = purgeExpired();
            if (purged > 0) {
                LOG.infof("purged %d processed-event rows older than their topics' retention", purged);
            }
        } catch (RuntimeException e) {
            LOG.warnf("processed-event purge failed (%s); trying again in %s", e.getMessage(), every);
        }
    }
}
