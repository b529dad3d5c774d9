package io.lanes.testing;

import io.lanes.contracts.Topic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Creates the topics of the contract, and their dead-letter topics, with the configs docs/events.md sets;
 * topics that exist already are given those configs.
 */
public final class LanesTopics {

    private LanesTopics() {}

    /**
     * The contract's configs for the topics that exist already, so a broker kept from an older release
     * follows the contract as it is now (lanes.ops-config.v1 was compacted before 1.1).
     */
    private static Map<ConfigResource, Collection<AlterConfigOp>> contractConfigsOf(Set<String> existing) {
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (Topic topic : Topic.values()) {
            if (existing.contains(topic.topicName())) {
                changes.put(
                        new ConfigResource(ConfigResource.Type.TOPIC, topic.topicName()),
                        topic.configs().entrySet().stream()
                                .map(c -> new AlterConfigOp(
                                        new ConfigEntry(c.getKey(), c.getValue()), AlterConfigOp.OpType.SET))
                                .toList());
            }
        }
        return changes;
    }

    public static void createAll(String bootstrapServers, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic topic : Topic.values()) {
                if (!existing.contains(topic.topicName())) {
                    missing.add(new NewTopic(topic.topicName(), partitions, (short) 1).configs(topic.configs()));
                }
                if (!existing.contains(topic.deadLetterTopicName())) {
                    Map<String, String> dlq = new HashMap<>(Map.of("cleanup.policy", "delete", "retention.ms", "-1"));
                    missing.add(new NewTopic(topic.deadLetterTopicName(), 1, (short) 1).configs(dlq));
                }
            }
            admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            admin.incrementalAlterConfigs(contractConfigsOf(existing)).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the Lanes topics on " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
