package io.lanes.eventstore;

import static io.lanes.eventstore.fixture.Events.newIncomplete;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lanes.contracts.CloudEventCodec;
import io.lanes.contracts.EventJson;
import io.lanes.contracts.EventSchemas;
import io.lanes.contracts.EventType;
import io.lanes.contracts.Topic;
import io.lanes.eventstore.fixture.Events;
import io.lanes.eventstore.fixture.Reactive;
import io.lanes.testing.DevTokens;
import io.lanes.testing.KafkaBroker;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.LanesInfraResource;
import io.lanes.testing.ManagementInterface;
import io.lanes.testing.TopicReader;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class OutboxRelayTest {

    @Inject
    EventStore store;

    private AppendResult append(String stream, String type, long expected, NewEvent... events) {
        return Reactive.await(
                () -> Panache.withTransaction(() -> store.append(stream, type, expected, List.of(events))));
    }

    private static Predicate<ConsumerRecord<String, byte[]>> idIn(Set<UUID> ids) {
        return r -> {
            String id = io.lanes.testing.RecordHeaders.text(r, CloudEventCodec.H_ID);
            return id != null && ids.contains(UUID.fromString(id));
        };
    }

    @Test
    void publishesCommittedEventsKeyedWithCloudEventsHeadersAndSchemaValid() {
        UUID intake = UUID.randomUUID();
        AppendResult written =
                append(intake.toString(), "intake", 0, newIncomplete(intake, 1), newIncomplete(intake, 2));
        Set<UUID> ids = written.events().stream().map(StoredEvent::eventId).collect(Collectors.toSet());

        try (TopicReader reader = TopicReader.of(Topic.INTAKE.topicName())) {
            List<ConsumerRecord<String, byte[]>> records = reader.await(idIn(ids), 2, Duration.ofSeconds(30));
            assertEquals(2, records.size());
            for (ConsumerRecord<String, byte[]> record : records) {
                assertEquals(intake.toString(), record.key());
                var envelope = CloudEventCodec.fromRecord(record);
                assertEquals("/lanes/intake-service", envelope.source());
                assertEquals(EventType.INTAKE_INCOMPLETE.ceType(), envelope.type());
                assertEquals(intake.toString(), envelope.subject());
                assertEquals(
                        List.of(),
                        EventSchemas.violations(EventType.INTAKE_INCOMPLETE, EventJson.parse(record.value())));
            }
            assertEquals(
                    List.of("00000000000000000001", "00000000000000000002"),
                    records.stream()
                            .map(r -> io.lanes.testing.RecordHeaders.text(r, CloudEventCodec.H_SEQUENCE))
                            .collect(Collectors.toList()));
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> LanesInfra.get()
                                .database()
                                .queryLong(
                                        "SELECT count(*) FROM lanes_outbox o JOIN lanes_event e USING (position) WHERE e.stream_id = ?",
                                        intake.toString())
                        == 0);
    }

    @Test
    void escalationEventsAlsoGoToTheEscalationsTopicWithTheSameId() {
        UUID matter = UUID.randomUUID();
        AppendResult written = append(matter.toString(), "matter", 0, Events.newEscalation(matter));
        UUID id = written.events().get(0).eventId();

        try (TopicReader matterTopic = TopicReader.of(Topic.MATTER.topicName());
                TopicReader escalations = TopicReader.of(Topic.ESCALATIONS.topicName())) {
            assertEquals(
                    1,
                    matterTopic
                            .await(idIn(Set.of(id)), 1, Duration.ofSeconds(30))
                            .size());
            ConsumerRecord<String, byte[]> copy = escalations
                    .await(idIn(Set.of(id)), 1, Duration.ofSeconds(30))
                    .get(0);
            assertEquals(matter.toString(), copy.key());
        }
    }

    /**
     * Plants an event too large for Kafka directly in the outbox (append would refuse it), then a
     * normal second event of the same stream: the first is parked, the second waits behind it, and
     * another stream's event still goes out within a second.
     */
    @Test
    void aPoisonEventIsParkedAndNeverHoldsBackOtherStreams() {
        String poisoned = "poisoned-" + UUID.randomUUID();
        long poison = plant(poisoned, 1, "jsonb_build_object('pad', repeat('x', 1100000))");
        long behind = plant(poisoned, 2, "'{}'::jsonb");
        Awaitility.await("the poison event parked")
                .atMost(Duration.ofSeconds(10))
                .until(() -> parkedAttempts(poison) == 1);

        UUID other = UUID.randomUUID();
        try (TopicReader reader = TopicReader.of(Topic.INTAKE.topicName())) {
            UUID id = append(other.toString(), "intake", 0, newIncomplete(other, 1))
                    .events()
                    .get(0)
                    .eventId();
            assertEquals(
                    1,
                    reader.await(idIn(Set.of(id)), 1, Duration.ofSeconds(1)).size(),
                    "another stream's event arrives within 1 s");
        }
        String admin = "Bearer " + DevTokens.forRole("admin");
        given().header("Authorization", admin)
                .get("/admin/outbox/parked")
                .then()
                .statusCode(200)
                .body("find { it.position == " + poison + " }.streamId", equalTo(poisoned))
                .body("find { it.position == " + poison + " }.reason", containsString("1100011 bytes"))
                .body("find { it.position == " + poison + " }.waitingBehind", equalTo(1));
        assertEquals(
                1,
                LanesInfra.get().database().queryLong("SELECT count(*) FROM lanes_outbox WHERE position = ?", behind),
                "the stream stops at its parked event: the next one waits, in order");
        ManagementInterface.given().get("/q/health/ready").then().statusCode(200);
        ManagementInterface.given().get("/q/metrics").then().body(containsString("lanes_outbox_parked "));
    }

    @Test
    void aRetriedParkedEventThatKafkaStillRefusesIsParkedAgain() {
        long poison = plant("poisoned-" + UUID.randomUUID(), 1, "jsonb_build_object('pad', repeat('x', 1100000))");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> parkedAttempts(poison) == 1);
        String admin = "Bearer " + DevTokens.forRole("admin");
        given().header("Authorization", admin)
                .post("/admin/outbox/parked/" + poison + "/retry")
                .then()
                .statusCode(200)
                .body("requeued", equalTo(true));
        Awaitility.await("parked again")
                .atMost(Duration.ofSeconds(10))
                .until(() -> parkedAttempts(poison) == 1
                        && LanesInfra.get()
                                        .database()
                                        .queryLong("SELECT count(*) FROM lanes_outbox WHERE position = ?", poison)
                                == 0);
        given().header("Authorization", admin)
                .post("/admin/outbox/parked/0/retry")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + DevTokens.forRole("pm"))
                .get("/admin/outbox/parked")
                .then()
                .statusCode(403);
        given().get("/admin/outbox/parked").then().statusCode(401);
    }

    /** Inserts an event and its outbox row directly, as a commit the event store's checks never saw. */
    private static long plant(String stream, int version, String data) {
        return LanesInfra.get()
                .database()
                .queryLong(
                        "WITH e AS (INSERT INTO lanes_event (stream_id, stream_type, version, event_id, ce_type, data, "
                                + "occurred_at) VALUES (?, 'intake', ?, gen_random_uuid(), "
                                + "'io.lanes.intake-incomplete.v1', " + data + ", now()) RETURNING position) "
                                + "INSERT INTO lanes_outbox (position) SELECT position FROM e RETURNING position",
                        stream,
                        version);
    }

    private static long parkedAttempts(long position) {
        return LanesInfra.get()
                .database()
                .queryLong("SELECT attempts FROM lanes_outbox_parked WHERE position = ?", position);
    }

    @Test
    void readinessAndMetricsReportTheRelay() {
        String check = "checks.find { it.name == 'Outbox relay to Kafka' }";
        ManagementInterface.given()
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body(check + ".status", equalTo("UP"))
                .body(check + ".data.pendingEvents", notNullValue())
                .body(check + ".data.lagSeconds", notNullValue());
        ManagementInterface.given()
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(
                        containsString("lanes_outbox_pending"),
                        containsString("lanes_outbox_lag_seconds"),
                        containsString("lanes_events_appended_total"),
                        containsString("lanes_outbox_published_total"));
    }

    @Test
    void internalEventsAreStoredButNeverPublished() {
        String draft = "draft-" + UUID.randomUUID();
        NewEvent internal = new NewEvent(
                UUID.randomUUID(),
                "io.lanes.internal.playbook-draft-saved.v1",
                "{\"x\":1}",
                java.time.Instant.now(),
                EventMetadata.by("o.ramirez"));
        NewEvent contract = newIncomplete(UUID.randomUUID(), 1);
        AppendResult written = append(draft, "playbook-draft", 0, internal, contract);
        assertEquals(
                0,
                LanesInfra.get()
                        .database()
                        .queryLong(
                                "SELECT count(*) FROM lanes_outbox WHERE position = ?",
                                written.events().get(0).position()));
        try (TopicReader reader = TopicReader.of(Topic.INTAKE.topicName())) {
            assertEquals(
                    1,
                    reader.await(idIn(Set.of(contract.eventId())), 1, Duration.ofSeconds(30))
                            .size(),
                    "the contract event of an append mixing both is published");
        }
    }

    @Test
    void aLateCommitIsNeverSkippedAndEachStreamStaysInOrder() throws Exception {
        UUID lateIntake = UUID.randomUUID();
        NewEvent lateEvent = newIncomplete(lateIntake, 1);
        CountDownLatch lateAppended = new CountDownLatch(1);
        CompletableFuture<AppendResult> late = CompletableFuture.supplyAsync(() -> Reactive.await(() ->
                Panache.withTransaction(() -> store.append(lateIntake.toString(), "intake", 0, List.of(lateEvent))
                        .invoke(lateAppended::countDown)
                        .call(written -> Panache.getSession()
                                .chain(s -> s.createNativeQuery("SELECT 1 FROM pg_sleep(6)", Integer.class)
                                        .getSingleResult())))));
        assertTrue(lateAppended.await(30, TimeUnit.SECONDS));

        List<UUID> streams =
                List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Set<UUID> laterIds = new HashSet<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            for (UUID stream : streams) {
                NewEvent event = newIncomplete(stream, attempt);
                append(stream.toString(), "intake", attempt - 1, event);
                laterIds.add(event.eventId());
            }
        }

        try (TopicReader reader = TopicReader.of(Topic.INTAKE.topicName())) {
            reader.await(idIn(laterIds), 25, Duration.ofSeconds(30));
            assertFalse(late.isDone(), "the test must see the later events published while the early one is open");
            assertTrue(reader.matching(idIn(Set.of(lateEvent.eventId()))).isEmpty());

            late.get(30, TimeUnit.SECONDS);
            reader.await(idIn(Set.of(lateEvent.eventId())), 1, Duration.ofSeconds(30));

            Set<UUID> all = new HashSet<>(laterIds);
            all.add(lateEvent.eventId());
            List<ConsumerRecord<String, byte[]>> published = reader.matching(idIn(all));
            assertEquals(26, published.size(), "every committed event exactly once");
            Map<String, List<Long>> sequencesPerStream = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : published) {
                sequencesPerStream
                        .computeIfAbsent(record.key(), k -> new ArrayList<>())
                        .add(Long.parseLong(io.lanes.testing.RecordHeaders.text(record, CloudEventCodec.H_SEQUENCE)));
            }
            for (UUID stream : streams) {
                assertEquals(
                        List.of(1L, 2L, 3L, 4L, 5L), sequencesPerStream.get(stream.toString()), "order of " + stream);
            }
        }
    }

    @Test
    void aBrokerOutageLosesNothingAndDuplicatesNothing() {
        KafkaBroker kafka = LanesInfra.get().kafka();
        Set<UUID> ids = new HashSet<>();
        kafka.stop();
        try {
            for (int stream = 0; stream < 50; stream++) {
                UUID intake = UUID.randomUUID();
                for (int batch = 0; batch < 2; batch++) {
                    List<NewEvent> events = new ArrayList<>();
                    for (int i = 1; i <= 10; i++) {
                        events.add(newIncomplete(intake, batch * 10 + i));
                    }
                    append(intake.toString(), "intake", batch * 10L, events.toArray(NewEvent[]::new));
                    events.forEach(e -> ids.add(e.eventId()));
                }
            }
        } finally {
            kafka.start();
        }
        assertEquals(1000, ids.size());
        try (TopicReader reader = TopicReader.of(Topic.INTAKE.topicName())) {
            List<ConsumerRecord<String, byte[]>> published = reader.await(idIn(ids), 1000, Duration.ofSeconds(120));
            assertEquals(1000, published.size(), "all 1,000 reach Kafka, none twice");
        }
    }
}
