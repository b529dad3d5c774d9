package io.lanes.eventstore;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lanes.contracts.CloudEvent;
import io.lanes.contracts.CloudEventCodec;
import io.lanes.contracts.Topic;
import io.lanes.contracts.intake.IntakeIncomplete;
import io.lanes.eventstore.consumer.DeadLetters;
import io.lanes.eventstore.fixture.Events;
import io.lanes.eventstore.fixture.IntakeCounter;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.LanesInfraResource;
import io.lanes.testing.ManagementInterface;
import io.lanes.testing.RecordHeaders;
import io.lanes.testing.TopicReader;
import io.lanes.testing.TopicWriter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class IdempotentConsumerTest {

    private static TopicWriter writer;

    @BeforeAll
    static void writer() {
        writer = TopicWriter.of();
    }

    @AfterAll
    static void close() {
        writer.close();
    }

    private static RecordMetadata send(ProducerRecord<String, byte[]> record) {
        return writer.send(record);
    }

    private static ProducerRecord<String, byte[]> intakeRecord(IntakeIncomplete event, UUID ceId) {
        return CloudEventCodec.toRecord(Topic.INTAKE.topicName(), CloudEvent.of(event, ceId, event.attempt()));
    }

    private static long applied(UUID intake) {
        return LanesInfra.get().database().queryLong("SELECT applied FROM intake_counter WHERE intake_id = ?", intake);
    }

    private static void awaitConsumedPast(RecordMetadata sent) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> LanesInfra.get()
                                .database()
                                .queryLong(
                                        "SELECT next_offset FROM lanes_consumer_progress WHERE consumer = 'intake-counter' AND topic = ? "
                                                + "AND kafka_partition = ?",
                                        sent.topic(),
                                        sent.partition())
                        > sent.offset());
    }

    @Test
    void aRedeliveredRecordChangesTheReadModelOnce() throws Exception {
        UUID intake = UUID.randomUUID();
        ProducerRecord<String, byte[]> record =
                intakeRecord(Events.incomplete(intake, 1, Instant.now()), UUID.randomUUID());
        send(record);
        RecordMetadata second = send(record);

        awaitConsumedPast(second);
        assertEquals(1, applied(intake));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsProcessed() throws Exception {
        UUID intake = UUID.randomUUID();
        ProducerRecord<String, byte[]> poison =
                intakeRecord(Events.incomplete(intake, 1, Instant.now()), UUID.randomUUID());
        poison.headers().remove(CloudEventCodec.H_ID);
        send(poison);
        RecordMetadata next = send(intakeRecord(Events.incomplete(intake, 2, Instant.now()), UUID.randomUUID()));

        awaitConsumedPast(next);
        assertEquals(1, applied(intake));
        ConsumerRecord<String, byte[]> parked = parkedOnTheDeadLetterTopic(intake);
        assertTrue(RecordHeaders.text(parked, DeadLetters.REASON).contains("ce_id"));
        assertEquals("intake-counter", RecordHeaders.text(parked, DeadLetters.CONSUMER));
        assertEquals(Topic.INTAKE.topicName(), RecordHeaders.text(parked, DeadLetters.SOURCE_TOPIC));
        ManagementInterface.given()
                .get("/q/metrics")
                .then()
                .body(containsString("lanes_consumer_dead_lettered_total{consumer=\"intake-counter\",topic=\""
                        + Topic.INTAKE.topicName() + "\"}"));
    }

    /** Nothing follows it on its partition: it is consumed all the same, so it never reads as lag. */
    @Test
    void aPoisonRecordLastOnItsPartitionCountsAsConsumed() {
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(
                Topic.INTAKE.topicName(),
                UUID.randomUUID().toString(),
                "not a CloudEvent".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        awaitConsumedPast(send(poison));
    }

    @Test
    void aRecordThatViolatesItsSchemaIsDeadLettered() throws Exception {
        UUID intake = UUID.randomUUID();
        CloudEvent valid = CloudEvent.of(Events.incomplete(intake, 1, Instant.now()), UUID.randomUUID(), 1);
        CloudEvent invalid = new CloudEvent(
                valid.id(),
                valid.source(),
                valid.type(),
                valid.subject(),
                valid.time(),
                1,
                "{\"intakeId\":\"not-a-uuid\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        send(CloudEventCodec.toRecord(Topic.INTAKE.topicName(), invalid));

        ConsumerRecord<String, byte[]> parked = parkedOnTheDeadLetterTopic(intake);
        assertTrue(RecordHeaders.text(parked, DeadLetters.REASON).contains("violates its schema"));
    }

    @Test
    void aRecordTheHandlerCannotApplyIsDeadLetteredWhileTheRestApply() throws Exception {
        UUID intake = UUID.randomUUID();
        IntakeIncomplete unappliable = new IntakeIncomplete(
                intake, "commercial-litigation", "explode", List.of(), List.of(), 1, 1, "i.jones", Instant.now());
        send(intakeRecord(unappliable, UUID.randomUUID()));
        RecordMetadata next = send(intakeRecord(Events.incomplete(intake, 2, Instant.now()), UUID.randomUUID()));

        awaitConsumedPast(next);
        assertEquals(1, applied(intake));
        ConsumerRecord<String, byte[]> parked = parkedOnTheDeadLetterTopic(intake);
        assertTrue(RecordHeaders.text(parked, DeadLetters.REASON).startsWith("handler failed"));
    }

    @Test
    void aReplayedDeadLetterIsAppliedOnceHoweverOftenItIsReplayed() {
        UUID intake = UUID.randomUUID();
        IntakeCounter.REFUSED.add(intake);
        send(intakeRecord(Events.incomplete(intake, 1, Instant.now()), UUID.randomUUID()));
        parkedOnTheDeadLetterTopic(intake);
        IntakeCounter.REFUSED.remove(intake);

        String admin = "Bearer " + DevTokens.forRole("admin");
        for (int replay = 0; replay < 2; replay++) {
            given().header("Authorization", admin)
                    .queryParam("consumer", "intake-counter")
                    .post("/admin/dead-letters/" + Topic.INTAKE.topicName() + "/replay")
                    .then()
                    .statusCode(200)
                    .body("replayed", greaterThanOrEqualTo(1));
        }
        // A later event of the same intake, on the same partition after both copies: once it is applied,
        // both copies were consumed, and the count says the replayed record was applied once.
        RecordMetadata later = send(intakeRecord(Events.incomplete(intake, 2, Instant.now()), UUID.randomUUID()));
        awaitConsumedPast(later);
        assertEquals(2, applied(intake));
    }

    @Test
    void aReplayNeedsAKnownTopicAConsumerAndAnAdmin() {
        given().header("Authorization", "Bearer " + DevTokens.forRole("admin"))
                .post("/admin/dead-letters/no-such-topic/replay")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("topic", "consumer"));
        given().header("Authorization", "Bearer " + DevTokens.forRole("pm"))
                .queryParam("consumer", "intake-counter")
                .post("/admin/dead-letters/" + Topic.INTAKE.topicName() + "/replay")
                .then()
                .statusCode(403);
    }

    /** The record of this intake that the consumer parked on the intake topic's dead-letter topic. */
    private static ConsumerRecord<String, byte[]> parkedOnTheDeadLetterTopic(UUID intake) {
        try (TopicReader dlq = TopicReader.of(DeadLetters.topicFor(Topic.INTAKE.topicName()))) {
            return dlq.await(r -> intake.toString().equals(r.key()), 1, Duration.ofSeconds(30))
                    .get(0);
        }
    }
}
