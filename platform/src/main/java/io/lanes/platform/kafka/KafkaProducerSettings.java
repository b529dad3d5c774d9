package io.lanes.platform.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer settings every Lanes producer uses, set explicitly: {@code acks=all} and
 * {@code enable.idempotence=true}. The SmallRye connector defaults to {@code acks=1}, which silently
 * turns idempotence off, so the same two settings are also the connector-wide defaults in this
 * module's {@code META-INF/microprofile-config.properties}.
 */
public final class KafkaProducerSettings {

    private KafkaProducerSettings() {}

    /** Settings for a plain {@code KafkaProducer<String, byte[]>} that needs only the broker address. */
    public static Map<String, Object> reliable(String bootstrapServers, String clientId) {
        return reliable(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), clientId);
    }

    /**
     * Settings for a plain {@code KafkaProducer<String, byte[]>}, e.g. the outbox relay's, on top of the
     * service's shared client settings ({@code bootstrap.servers}, {@code security.protocol}, SASL, TLS).
     */
    public static Map<String, Object> reliable(Map<String, Object> shared, String clientId) {
        Map<String, Object> config = new HashMap<>(shared);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // At most 5 in flight keeps per-partition order with idempotence on.
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }
}
