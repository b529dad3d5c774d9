package io.lanes.kpi.service;

import io.lanes.contracts.Topic;
import io.lanes.eventstore.kafka.KafkaClients;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** The latest offset of every partition of the topics kpi-service projects, for lag. Blocking. */
@ApplicationScoped
public class TopicEndOffsets {

    /** The topics the facts come from. */
    public static final List<String> TOPICS =
            List.of(Topic.INTAKE.topicName(), Topic.MATTER.topicName(), Topic.OPS_CONFIG.topicName());

    private final KafkaClients kafka;
    private Admin admin;

    public TopicEndOffsets(KafkaClients kafka) {
        this.kafka = kafka;
    }

    public Map<TopicPartition, Long> read() {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin().describeTopics(TOPICS)
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .forEach((name, description) -> description
                            .partitions()
                            .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            return admin().listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading end offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer with end offsets", e);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafka.common("kpi-service-status"));
        }
        return admin;
    }

    synchronized void close(@Observes ShutdownEvent shutdown) {
        if (admin != null) {
            admin.close();
        }
    }
}
