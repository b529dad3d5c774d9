package io.lanes.testing;

import io.lanes.contracts.CloudEvent;
import io.lanes.contracts.CloudEventCodec;
import io.lanes.contracts.EventType;
import io.lanes.contracts.LanesEvent;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes records as another service would, to feed the consumer under test: a contract event
 * with its key and CloudEvents headers, or any record (a poison one, a duplicate).
 */
public final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public TopicWriter(String bootstrapServers) {
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Writes to the broker of this JVM's infrastructure. */
    public static TopicWriter of() {
        return new TopicWriter(LanesInfra.get().kafka().bootstrapServers());
    }

    /** Publishes a contract event on its stream topic, with a fresh ce_id. */
    public RecordMetadata publish(LanesEvent event, long sequence) {
        return send(CloudEventCodec.toRecord(
                EventType.of(event).topic().topicName(), CloudEvent.of(event, UUID.randomUUID(), sequence)));
    }

    public RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
