package io.lanes.eventstore.kafka;

import io.lanes.platform.kafka.KafkaProducerSettings;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Settings for the Kafka clients Lanes builds by hand (the outbox relay, dead letters and their replay,
 * kpi-service's rebuild and end offsets), from the same {@code kafka.*} configuration the SmallRye
 * channels use (Quarkus' {@code default-kafka-broker}: {@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG},
 * {@code KAFKA_SSL_*}...). So TLS and SASL set once apply to every client, never only to the channels.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> shared;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> shared) {
        this.shared = Map.copyOf(shared);
    }

    /** The shared settings with this client's id, for an admin client. */
    public Map<String, Object> common(String clientId) {
        Map<String, Object> config = new HashMap<>(shared);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    /** A reliable producer's settings (acks=all, idempotence) on top of the shared ones. */
    public Map<String, Object> producer(String clientId) {
        return KafkaProducerSettings.reliable(shared, clientId);
    }

    /** A plain consumer's settings that never commits offsets (readers that assign partitions). */
    public Properties reader(String clientId) {
        Properties config = new Properties();
        config.putAll(common(clientId));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return config;
    }
}
