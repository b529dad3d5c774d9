package io.lanes.eventstore.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * {@code lanes_consumer_delay_seconds{consumer}}: how long after its publish (the record's timestamp,
 * set when the relay sent it) each record was applied, skipped as a duplicate or dead-lettered. For
 * kpi-service's {@code kpi-facts} it is the projection's lag: how stale a scorecard can be.
 */
@ApplicationScoped
public class ConsumerDelays {

    private static final Duration[] BUCKETS = {
        Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5),
        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30)
    };

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public ConsumerDelays(MeterRegistry registry) {
        this.registry = registry;
    }

    void recorded(String consumer, List<ConsumerRecord<String, byte[]>> records) {
        Timer timer = timers.computeIfAbsent(
                consumer,
                name -> Timer.builder("lanes.consumer.delay")
                        .description("From a record's publish to its consumer's commit")
                        .tag("consumer", name)
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry));
        // The record's timestamp is the broker side's wall clock, so this is too (not the injected Clock,
        // which a test or a demo may set to another day).
        long now = System.currentTimeMillis();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.timestamp() > 0) {
                timer.record(Duration.ofMillis(Math.max(0, now - record.timestamp())));
            }
        }
    }
}
