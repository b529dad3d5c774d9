package io.lanes.eventstore.consumer;

import io.lanes.contracts.CloudEventCodec;
import io.lanes.eventstore.kafka.KafkaClients;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one consumer's dead letters back to their source topic, once the cause is fixed, so the
 * consumer applies them through {@link IdempotentConsumer}: a record it already applied (replayed
 * twice, or applied before it was parked) changes nothing, because the dedupe is on {@code ce_id}.
 * Other consumer groups of the topic see the copy too and skip it the same way. Records without a
 * {@code ce_id} cannot be applied once, so they stay parked. Blocking.
 */
@ApplicationScoped
public class DeadLetterReplay {

    /** What a replay did: dead letters read, sent back, and left (another consumer's, or without a ce_id). */
    public record Replayed(int read, int replayed, int left) {}

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaClients kafka;
    private final String clientId;

    public DeadLetterReplay(
            KafkaClients kafka,
            @ConfigProperty(name = "quarkus.application.name", defaultValue = "lanes") String application) {
        this.kafka = kafka;
        this.clientId = application + "-dead-letter-replay";
    }

    /** Replays every dead letter of {@code consumer} on {@code topic}'s dead-letter topic, as it stands now. */
    public Replayed replay(String topic, String consumer) {
        List<ProducerRecord<String, byte[]>> copies = new ArrayList<>();
        int read = 0;
        try (KafkaConsumer<String, byte[]> letters = reader()) {
            List<TopicPartition> partitions = letters.partitionsFor(DeadLetters.topicFor(topic), WAIT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            letters.assign(partitions);
            letters.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = letters.endOffsets(partitions, WAIT);
            while (partitions.stream().anyMatch(p -> letters.position(p, WAIT) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> letter : letters.poll(Duration.ofMillis(500))) {
                    read++;
                    if (consumer.equals(text(letter, DeadLetters.CONSUMER))
                            && text(letter, CloudEventCodec.H_ID) != null) {
                        copies.add(copy(topic, letter));
                    }
                }
            }
        }
        send(copies);
        return new Replayed(read, copies.size(), read - copies.size());
    }

    /** The record as it first arrived: same key, value and CloudEvents headers, without the parking notes. */
    private static ProducerRecord<String, byte[]> copy(String topic, ConsumerRecord<String, byte[]> letter) {
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(topic, letter.key(), letter.value());
        for (Header header : letter.headers()) {
            if (!header.key().startsWith("lanes_dlq_")) {
                copy.headers().add(header);
            }
        }
        return copy;
    }

    private void send(List<ProducerRecord<String, byte[]>> copies) {
        if (copies.isEmpty()) {
            return;
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.producer(clientId))) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (ProducerRecord<String, byte[]> copy : copies) {
                sends.add(producer.send(copy));
            }
            for (Future<RecordMetadata> send : sends) {
                send.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying dead letters", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot replay the dead letters: " + e.getMessage(), e);
        }
    }

    private KafkaConsumer<String, byte[]> reader() {
        return new KafkaConsumer<>(kafka.reader(clientId), new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static String text(ConsumerRecord<String, byte[]> record, String header) {
        Header last = record.headers().lastHeader(header);
        return last == null ? null : new String(last.value(), StandardCharsets.UTF_8);
    }
}
