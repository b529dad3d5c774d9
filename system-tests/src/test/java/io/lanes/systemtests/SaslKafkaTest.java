package io.lanes.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lanes.contracts.CloudEventCodec;
import io.lanes.contracts.EventType;
import io.lanes.contracts.Topic;
import io.lanes.testing.DevTokens;
import io.lanes.testing.KafkaBroker;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.RecordHeaders;
import io.lanes.testing.TopicReader;
import io.lanes.testing.TopicWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * intake-service against a listener that takes only SASL/PLAIN clients, configured the way a
 * deployment would (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM, KAFKA_SASL_JAAS_CONFIG): its
 * channels consume, and its hand-built clients — the outbox relay and the dead-letter producer — use
 * the same settings (a client that ignored them could not talk to this listener at all).
 */
class SaslKafkaTest {

    private static final Path LOGS = LanesSystem.LOGS.resolve("sasl");
    /** eventstore's dead-letter topic and header names (system-tests runs the services, not their code). */
    private static final String MATTER_DEAD_LETTERS = Topic.MATTER.topicName() + ".dlq";

    private static final String DEAD_LETTER_CONSUMER = "lanes_dlq_consumer";

    @Test
    void consumeRelayAndDeadLetterAllWorkOverSasl() {
        LanesInfra infra = LanesInfra.get();
        Map<String, String> ops = LanesSystem.localEnvironment(infra, "sasl_ops");
        Map<String, String> intakeEnv = LanesSystem.localEnvironment(infra, "sasl_intake");
        intakeEnv.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafka().saslBootstrapServers());
        intakeEnv.put("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        intakeEnv.put("KAFKA_SASL_MECHANISM", "PLAIN");
        intakeEnv.put("KAFKA_SASL_JAAS_CONFIG", KafkaBroker.saslJaasConfig());
        try (ServiceProcess playbooks = ServiceProcess.launch(LanesSystem.REPOSITORY, "ops-config-service", ops, LOGS);
                ServiceProcess intake =
                        ServiceProcess.launch(LanesSystem.REPOSITORY, "intake-service", intakeEnv, LOGS);
                TopicReader intakeTopic = TopicReader.of(Topic.INTAKE.topicName());
                TopicReader deadLetters = TopicReader.of(MATTER_DEAD_LETTERS)) {
            playbooks.awaitReady();
            intake.awaitReady();
            String token = DevTokens.forRole("intake");
            // Consumed over SASL: intake-service knows the contract-review playbook only once it has read it
            // from lanes.ops-config.v1 (before that, creating such an intake is refused with 422).
            AtomicReference<String> created = new AtomicReference<>();
            Awaitility.await("the playbook consumed over SASL")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> {
                        var response = given().baseUri(intake.baseUrl())
                                .auth()
                                .oauth2(token)
                                .contentType("application/json")
                                .body(ContractReviewIntake.json("contract-review", "SASL check " + UUID.randomUUID()))
                                .post("/intakes");
                        if (response.statusCode() == 201) {
                            created.set(response.path("id"));
                        }
                        return created.get() != null;
                    });
            String id = created.get();
            given().baseUri(intake.baseUrl())
                    .auth()
                    .oauth2(token)
                    .post("/intakes/" + id + "/submit")
                    .then()
                    .statusCode(200);
            // Relayed over SASL: the handoff packet reaches the topic.
            assertEquals(
                    1,
                    intakeTopic
                            .await(
                                    r -> id.equals(r.key())
                                            && EventType.INTAKE_COMPLETE
                                                    .ceType()
                                                    .equals(RecordHeaders.text(r, CloudEventCodec.H_TYPE)),
                                    1,
                                    Duration.ofSeconds(60))
                            .size());
            // Dead-lettered over SASL: a record without CloudEvents headers on a topic intake-service consumes.
            // ops-config-service (plain, not SASL) consumes the topic too and parks it as well, in any order:
            // the test waits for intake-service's dead letter, not for the first one.
            String poisonKey = "sasl-poison-" + UUID.randomUUID();
            try (TopicWriter writer = TopicWriter.of()) {
                writer.send(new ProducerRecord<>(
                        Topic.MATTER.topicName(), poisonKey, "{}".getBytes(StandardCharsets.UTF_8)));
            }
            assertEquals(
                    1,
                    deadLetters
                            .await(
                                    r -> poisonKey.equals(r.key())
                                            && "intake-handoff-outcomes"
                                                    .equals(RecordHeaders.text(r, DEAD_LETTER_CONSUMER)),
                                    1,
                                    Duration.ofSeconds(60))
                            .size());
        }
    }
}
