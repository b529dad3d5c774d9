package io.lanes.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lanes.contracts.CloudEventCodec;
import io.lanes.contracts.EventType;
import io.lanes.contracts.MatterIds;
import io.lanes.contracts.Topic;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.PostgresDatabase;
import io.lanes.testing.RecordHeaders;
import io.lanes.testing.TopicReader;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The services as separate processes, as {@code deploy/local/run} starts them, on the real broker and
 * PostgreSQL, driven over HTTP and Kafka only. (kpi-service has no scorecards yet, so flows end at the
 * matter topics.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholeFlowsTest {

    private static final String INTAKE = DevTokens.forUser("i.jones", "intake");
    private static final String PM = DevTokens.forUser("p.patel", "pm");
    private static final String OPS = DevTokens.forUser("o.ramirez", "ops");

    private static ServiceProcess ops;
    private static ServiceProcess intake;
    private static ServiceProcess matter;

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeAll
    static void startTheSystem() {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        Path logs = Path.of("target", "system-test-logs").toAbsolutePath();
        LanesInfra infra = LanesInfra.get();
        ops = ServiceProcess.launch(repository, "ops-config-service", environment(infra, repository, "sys_ops"), logs);
        intake = ServiceProcess.launch(repository, "intake-service", environment(infra, repository, "sys_intake"), logs);
        matter = ServiceProcess.launch(repository, "matter-service", environment(infra, repository, "sys_matter"), logs);
        ops.awaitReady();
        intake.awaitReady();
        matter.awaitReady();
    }

    @AfterAll
    static void stopTheSystem() {
        for (ServiceProcess service : new ServiceProcess[] {matter, intake, ops}) {
            if (service != null) {
                service.close();
            }
        }
    }

    private static Map<String, String> environment(LanesInfra infra, Path repository, String database) {
        PostgresDatabase db = infra.postgres().createDatabase(database);
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafka().bootstrapServers());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", db.reactiveUrl());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", db.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", db.password());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", repository.resolve("deploy/local/dev-keys/public.pem").toString());
        env.put("LANES_DETECTION_INTERVAL", "2s");
        env.put("LANES_DETECTION_DELAY", "1s");
        return env;
    }

    private static RequestSpecification as(String token, ServiceProcess service) {
        return given().baseUri(service.baseUrl()).auth().oauth2(token);
    }

    private static String contractReview(String matterType, String name) {
        return "{\"matterType\":\"" + matterType + "\",\"matterName\":\"" + name + "\","
                + "\"client\":{\"name\":\"Acme Corp\",\"kind\":\"ORGANIZATION\",\"email\":\"legal@acme.example\"},"
                + "\"fields\":{\"clientLegalName\":\"Acme Corp\",\"clientContactEmail\":\"legal@acme.example\","
                + "\"counterparty\":\"Globex Ltd\",\"conflictCheckCleared\":true,\"engagementLetterSigned\":true,"
                + "\"contractType\":\"MSA\",\"contractValue\":250000,\"signatureDeadline\":\"2027-01-29\"},"
                + "\"checklist\":[{\"key\":\"conflict-check\",\"done\":true},{\"key\":\"engagement-letter\",\"done\":true},"
                + "{\"key\":\"playbook-positions\",\"done\":true}],\"keyDates\":[],\"estimatedBudget\":15000,"
                + "\"currency\":\"USD\"}";
    }

    /** Creates an intake once intake-service knows the matter type's playbook; returns its id. */
    private static String create(String body) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> as(INTAKE, intake).contentType(ContentType.JSON).body(body).post("/intakes"),
                        r -> r.statusCode() == 201)
                .path("id");
    }

    private static UUID submitAndAwaitHandoff(String intakeId, int attempt) {
        as(INTAKE, intake).post("/intakes/" + intakeId + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("attempts", equalTo(attempt));
        UUID matterId = MatterIds.fromIntake(UUID.fromString(intakeId));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            var handoff = as(PM, matter).get("/handoffs/" + matterId);
            return handoff.statusCode() == 200 && "PENDING".equals(handoff.path("status"))
                    && Integer.valueOf(attempt).equals(handoff.path("packet.attempt"));
        });
        return matterId;
    }

    @Test
    @Order(1)
    void anIntakeBecomesAMatterWhoseSlipAPlainKafkaConsumerSees() {
        String intakeId = create(contractReview("contract-review", "Acme MSA with Globex"));
        UUID matterId = submitAndAwaitHandoff(intakeId, 1);
        as(PM, matter).contentType(ContentType.JSON).body("{}").post("/handoffs/" + matterId + "/accept")
                .then().statusCode(200).body("status", equalTo("OPEN"));
        as(PM, matter).contentType(ContentType.JSON)
                .body("{\"name\":\"Redline from counterparty\",\"dueDate\":\""
                        + LocalDate.now(ZoneOffset.UTC).minusDays(7) + "\",\"owner\":\"associate\",\"phase\":\"P200\"}")
                .post("/matters/" + matterId + "/milestones").then().statusCode(201);

        try (TopicReader escalations = TopicReader.of(Topic.ESCALATIONS.topicName())) {
            var slipped = escalations.await(r -> matterId.toString().equals(r.key()) && EventType.MILESTONE_SLIPPED
                    .ceType().equals(RecordHeaders.text(r, CloudEventCodec.H_TYPE)), 1, Duration.ofSeconds(60));
            assertEquals(1, slipped.size());
        }
    }

    @Test
    @Order(2)
    void aRejectedHandoffIsReworkedResubmittedAndAccepted() {
        String intakeId = create(contractReview("contract-review", "Acme NDA with Initech"));
        UUID matterId = submitAndAwaitHandoff(intakeId, 1);
        as(PM, matter).contentType(ContentType.JSON)
                .body("{\"reasons\":[{\"code\":\"SCOPE_UNCLEAR\",\"detail\":\"Which affiliates sign?\"}]}")
                .post("/handoffs/" + matterId + "/reject").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "RETURNED".equals(
                as(INTAKE, intake).get("/intakes/" + intakeId).path("status")));
        as(INTAKE, intake).contentType("application/merge-patch+json")
                .body("{\"matterName\":\"Acme NDA with Initech (Initech Holdings and subsidiaries)\"}")
                .patch("/intakes/" + intakeId).then().statusCode(200);
        submitAndAwaitHandoff(intakeId, 2);
        as(PM, matter).contentType(ContentType.JSON).body("{}").post("/handoffs/" + matterId + "/accept")
                .then().statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    @Order(3)
    void aNewPlaybookVersionValidatesTheNextIntake() throws Exception {
        String matterType = "nda-review-" + UUID.randomUUID().toString().substring(0, 6);
        var v1 = io.lanes.contracts.EventJson.mapper().readTree(
                as(OPS, ops).get("/playbooks/contract-review/versions/1").asString());
        ((com.fasterxml.jackson.databind.node.ObjectNode) v1).remove(List.of("matterType", "version", "publishedBy",
                "occurredAt"));
        publish(matterType, v1.toString());
        String first = create(contractReview(matterType, "Acme NDA v1"));
        as(INTAKE, intake).post("/intakes/" + first + "/submit").then().statusCode(200);

        ((com.fasterxml.jackson.databind.node.ObjectNode) v1).withArray("requiredFields").addObject()
                .put("key", "governingLaw").put("label", "Governing law").put("type", "TEXT");
        publish(matterType, v1.toString());
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            String next = create(contractReview(matterType, "Acme NDA v2"));
            var refused = as(INTAKE, intake).post("/intakes/" + next + "/submit");
            return refused.statusCode() == 422 && refused.asString().contains("fields.governingLaw");
        });
    }

    @Test
    @Order(4)
    void intakeKeepsAcceptingWhileOpsConfigIsDown() {
        ops.stop();
        String intakeId = create(contractReview("contract-review", "Acme SaaS with Hooli"));
        as(INTAKE, intake).post("/intakes/" + intakeId + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
    }

    private static void publish(String matterType, String content) {
        String draft = as(OPS, ops).contentType(ContentType.JSON).body(content)
                .post("/playbooks/" + matterType + "/drafts").then().statusCode(201).extract().path("id");
        as(OPS, ops).post("/playbooks/" + matterType + "/drafts/" + draft + "/publish").then().statusCode(201);
    }
}
