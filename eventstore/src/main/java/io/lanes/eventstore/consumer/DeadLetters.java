package io.lanes.eventstore.consumer;

import io.lanes.eventstore.kafka.KafkaClients;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Parks records a consumer can never process on {@code <topic>.dlq}, unchanged, with headers saying
 * why and where they came from, so the partition keeps flowing and an operator can inspect or replay.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "lanes_dlq_reason";
    public static final String CONSUMER = "lanes_dlq_consumer";
    public static final String SOURCE_TOPIC = "lanes_dlq_topic";
    public static final String SOURCE_PARTITION = "lanes_dlq_partition";
    public static final String SOURCE_OFFSET = "lanes_dlq_offset";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final KafkaClients kafka;
    private final String clientId;
    private final MeterRegistry registry;
    private KafkaProducer<String, byte[]> producer;

    public DeadLetters(
            KafkaClients kafka,
            MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.name", defaultValue = "lanes") String application) {
        this.kafka = kafka;
        this.registry = registry;
        this.clientId = application + "-dead-letters";
    }

    public static String topicFor(String topic) {
        return topic + ".dlq";
    }

    /** Sends the record to its dead-letter topic and waits for the acknowledgement. Blocking. */
    public void park(String consumer, ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> letter =
                new ProducerRecord<>(topicFor(record.topic()), null, record.key(), record.value());
        for (Header header : record.headers()) {
            letter.headers().add(header);
        }
        letter.headers().add(REASON, reason.getBytes(StandardCharsets.UTF_8));
        letter.headers().add(CONSUMER, consumer.getBytes(StandardCharsets.UTF_8));
        letter.headers().add(SOURCE_TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
        letter.headers()
                .add(SOURCE_PARTITION, Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        letter.headers().add(SOURCE_OFFSET, Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            producer().send(letter).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot dead-letter " + record.topic() + "/" + record.partition() + "@" + record.offset(), e);
        }
        LOG.warnf(
                "%s dead-lettered %s-%d@%d: %s", consumer, record.topic(), record.partition(), record.offset(), reason);
        // Dead letters are what an operator must look at: alert on any increase.
        Counter.builder("lanes.consumer.dead.lettered")
                .description("Records a consumer could not apply, parked on the topic's .dlq")
                .tag("consumer", consumer)
                .tag("topic", record.topic())
                .register(registry)
                .increment();
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(kafka.producer(clientId));
        }
        return producer;
    }

    synchronized void close(@Observes ShutdownEvent shutdown) {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
