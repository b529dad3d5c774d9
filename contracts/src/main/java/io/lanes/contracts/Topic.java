package io.lanes.contracts;

import java.time.Duration;
import java.util.Map;

/**
 * The Kafka topics of the contract with their cleanup and retention settings, defined once so that
 * local infrastructure, tests and deployment manifests create them alike.
 */
public enum Topic {
    INTAKE("lanes.intake.v1", Map.of("cleanup.policy", "delete", "retention.ms", "-1")),
    MATTER("lanes.matter.v1", Map.of("cleanup.policy", "delete", "retention.ms", "-1")),
    ESCALATIONS(
            "lanes.escalations.v1",
            Map.of(
                    "cleanup.policy",
                    "delete",
                    "retention.ms",
                    Long.toString(Duration.ofDays(90).toMillis()))),
    /** Every playbook version for ever (contract 1.1): compaction kept only the latest, so a rebuild could not tell old from new. */
    OPS_CONFIG("lanes.ops-config.v1", Map.of("cleanup.policy", "delete", "retention.ms", "-1")),
    /** Failed webhook subscriptions, for ops and the subscription's owner (contract 1.1). */
    HOOKS(
            "lanes.hooks.v1",
            Map.of(
                    "cleanup.policy",
                    "delete",
                    "retention.ms",
                    Long.toString(Duration.ofDays(30).toMillis())));

    private final String topicName;
    private final Map<String, String> configs;

    Topic(String topicName, Map<String, String> configs) {
        this.topicName = topicName;
        this.configs = configs;
    }

    public String topicName() {
        return topicName;
    }

    /** Topic-level configs (Kafka names) that every environment must apply. */
    public Map<String, String> configs() {
        return configs;
    }

    /** The dead-letter topic where consumers of this topic park records they cannot process. */
    public String deadLetterTopicName() {
        return topicName + ".dlq";
    }
}
