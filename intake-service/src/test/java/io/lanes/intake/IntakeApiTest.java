package io.lanes.intake;

import static io.lanes.intake.IntakeFixtures.intake;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.lanes.contracts.CloudEventCodec;
import io.lanes.contracts.EventJson;
import io.lanes.contracts.EventSchemas;
import io.lanes.contracts.EventType;
import io.lanes.contracts.MatterIds;
import io.lanes.contracts.Topic;
import io.lanes.contracts.matter.HandoffRejected;
import io.lanes.contracts.matter.RejectionCode;
import io.lanes.contracts.matter.RejectionReason;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.contracts.opsconfig.PlaybookPublished.FieldType;
import io.lanes.contracts.opsconfig.PlaybookPublished.RequiredField;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfraResource;
import io.lanes.testing.RecordHeaders;
import io.lanes.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Intake over real PostgreSQL and Kafka. No ops-config-service runs here: the playbook arrives as a
 * record on lanes.ops-config.v1, as it would have been published earlier, and intake works from its copy.
 */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class IntakeApiTest {

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static final String MATTER_TYPE =
            "commercial-litigation-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String INTAKE = DevTokens.forUser("i.jones", "intake");
    private static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void playbookPublishedEarlier() throws Exception {
        IntakeFixtures.publish(IntakeFixtures.playbook(MATTER_TYPE, 1), 1);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() ->
                        IntakeFixtures.count("SELECT count(*) FROM local_playbook WHERE matter_type = ?", MATTER_TYPE)
                                == 1);
    }

    private static Response create(String body) {
        return given().auth()
                .oauth2(INTAKE)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/intakes");
    }

    private static String createdId(String body) {
        return create(body).then().statusCode(201).extract().path("id");
    }

    private static Response submit(String id) {
        return given().auth().oauth2(INTAKE).when().post("/intakes/" + id + "/submit");
    }

    private static Predicate<ConsumerRecord<String, byte[]>> of(String intakeId, EventType type) {
        return r -> intakeId.equals(r.key()) && type.ceType().equals(RecordHeaders.text(r, CloudEventCodec.H_TYPE));
    }

    @Test
    void aCompleteIntakeProducesExactlyOneIntakeComplete() {
        String id = createdId(intake(MATTER_TYPE, true));
        submit(id).then().statusCode(200).body("status", equalTo("SUBMITTED")).body("attempts", equalTo(1));

        try (TopicReader reader = TopicReader.of(Topic.INTAKE.topicName())) {
            ConsumerRecord<String, byte[]> record = reader.await(
                            of(id, EventType.INTAKE_COMPLETE), 1, Duration.ofSeconds(30))
                    .get(0);
            assertEquals("/lanes/intake-service", RecordHeaders.text(record, CloudEventCodec.H_SOURCE));
            assertEquals(id, RecordHeaders.text(record, CloudEventCodec.H_SUBJECT));
            var data = EventJson.parse(record.value());
            assertEquals(List.of(), EventSchemas.violations(EventType.INTAKE_COMPLETE, data));
            assertEquals(
                    "commercial-litigation", data.get("routing").get("team").asText());
            assertEquals(1, data.get("attempt").asInt());
            assertEquals("Globex Ltd", data.get("fields").get("adverseParties").asText(), "strings are trimmed");
            assertEquals(1, reader.matching(r -> id.equals(r.key())).size(), "exactly one event for the intake");
        }
    }

    @Test
    void aRoutingRuleSendsTheMatterToItsTeamAndAttorney() {
        String id = createdId(intake(MATTER_TYPE, true).replace("\"HOURLY\"", "\"FIXED_FEE\""));
        submit(id).then().statusCode(200).body("status", equalTo("SUBMITTED"));

        try (TopicReader reader = TopicReader.of(Topic.INTAKE.topicName())) {
            var data = EventJson.parse(reader.await(of(id, EventType.INTAKE_COMPLETE), 1, Duration.ofSeconds(30))
                    .get(0)
                    .value());
            assertEquals(List.of(), EventSchemas.violations(EventType.INTAKE_COMPLETE, data));
            assertEquals("fixed-fee-litigation", data.get("routing").get("team").asText());
            assertEquals("m.lee", data.get("routing").get("responsibleAttorney").asText());
            assertFalse(data.get("routing").has("rules"), "a packet carries where it goes, not the rules");
        }
    }

    @Test
    void aGateFieldThatIsFalseStopsTheIntake() {
        String id = createdId(intake(MATTER_TYPE, true));
        given().auth()
                .oauth2(INTAKE)
                .contentType("application/merge-patch+json")
                .body("{\"fields\":{\"conflictCheckCleared\":false}}")
                .when()
                .patch("/intakes/" + id)
                .then()
                .statusCode(200);
        submit(id)
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("fields.conflictCheckCleared")))
                .body("errors[0].message", equalTo("Conflict check cleared must be true"));
    }

    @Test
    void anIncompleteIntakeIs422WithEveryMissingItemThenCompletesOnTheSecondAttempt() {
        String id = createdId(intake(MATTER_TYPE, false));
        submit(id)
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:lanes:problem:unprocessable"))
                .body("attempt", equalTo(1))
                .body(
                        "errors.field",
                        hasItems(
                                "fields.conflictCheckCleared",
                                "fields.statuteOfLimitationsDate",
                                "fields.feeArrangement",
                                "checklist.engagement-letter"))
                .body(
                        "errors.find { it.field == 'fields.statuteOfLimitationsDate' }.message",
                        equalTo("Statute of limitations date must be a date (YYYY-MM-DD)"))
                .body(
                        "errors.find { it.field == 'checklist.engagement-letter' }.message",
                        containsString("Engagement letter countersigned"));
        given().auth()
                .oauth2(INTAKE)
                .when()
                .get("/intakes/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("INCOMPLETE"))
                .body("missingChecklistItems", equalTo(List.of("engagement-letter")));

        String fix = "{\"fields\":{\"conflictCheckCleared\":true,\"statuteOfLimitationsDate\":\"2027-01-15\","
                + "\"feeArrangement\":\"FIXED_FEE\"},\"checklist\":[{\"key\":\"conflict-check\",\"done\":true},"
                + "{\"key\":\"engagement-letter\",\"done\":true}]}";
        given().auth()
                .oauth2(INTAKE)
                .contentType("application/merge-patch+json")
                .body(fix)
                .when()
                .patch("/intakes/" + id)
                .then()
                .statusCode(200)
                .body("fields.adverseParties", equalTo("Globex Ltd"))
                .body("fields.feeArrangement", equalTo("FIXED_FEE"));
        submit(id).then().statusCode(200).body("status", equalTo("SUBMITTED")).body("attempts", equalTo(2));

        try (TopicReader reader = TopicReader.of(Topic.INTAKE.topicName())) {
            ConsumerRecord<String, byte[]> refused = reader.await(
                            of(id, EventType.INTAKE_INCOMPLETE), 1, Duration.ofSeconds(30))
                    .get(0);
            var refusedData = EventJson.parse(refused.value());
            assertEquals(1, refusedData.get("attempt").asInt());
            assertEquals(List.of(), EventSchemas.violations(EventType.INTAKE_INCOMPLETE, refusedData));
            var complete = EventJson.parse(reader.await(of(id, EventType.INTAKE_COMPLETE), 1, Duration.ofSeconds(30))
                    .get(0)
                    .value());
            assertEquals(2, complete.get("attempt").asInt());
        }
    }

    @Test
    void aSubmitIsCheckedAgainstThePlaybookVersionPublishedSinceTheLastOne() {
        String matterType = "employment-" + UUID.randomUUID();
        PlaybookPublished first = IntakeFixtures.playbook(matterType, 1);
        IntakeFixtures.publish(first, 1);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() ->
                        IntakeFixtures.count("SELECT count(*) FROM local_playbook WHERE matter_type = ?", matterType)
                                == 1);
        submit(createdId(intake(matterType, true))).then().statusCode(200).body("status", equalTo("SUBMITTED"));

        List<RequiredField> more = new ArrayList<>(first.requiredFields());
        more.add(new RequiredField("governingLaw", "Governing law", FieldType.TEXT, null, null, null));
        IntakeFixtures.publish(
                new PlaybookPublished(
                        matterType,
                        2,
                        first.practiceArea(),
                        first.publishedBy(),
                        more,
                        first.checklist(),
                        first.routing(),
                        first.milestones(),
                        first.taskTemplates(),
                        first.budgetPhases(),
                        first.thresholds(),
                        first.escalationPaths(),
                        first.kpiTargets(),
                        Instant.now()),
                2);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> IntakeFixtures.count(
                                "SELECT count(*) FROM local_playbook WHERE matter_type = ? AND version = 2", matterType)
                        == 1);
        submit(createdId(intake(matterType, true)))
                .then()
                .statusCode(422)
                .body("errors.field", equalTo(List.of("fields.governingLaw")));
    }

    @Test
    void aRejectedHandoffReopensTheIntakeWithThePmsReasons() throws Exception {
        String id = createdId(intake(MATTER_TYPE, true));
        submit(id).then().statusCode(200);
        UUID intakeId = UUID.fromString(id);
        IntakeFixtures.publish(
                new HandoffRejected(
                        MatterIds.fromIntake(intakeId),
                        intakeId,
                        "p.patel",
                        List.of(new RejectionReason(
                                RejectionCode.CONFLICT_UNRESOLVED, "Globex subsidiary is a client")),
                        Instant.now()),
                2);

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> "RETURNED"
                        .equals(given().auth()
                                .oauth2(INTAKE)
                                .when()
                                .get("/intakes/" + id)
                                .then()
                                .extract()
                                .path("status")));
        given().auth()
                .oauth2(INTAKE)
                .when()
                .get("/intakes/" + id)
                .then()
                .body("returnReasons[0].code", equalTo("CONFLICT_UNRESOLVED"))
                .body("returnReasons[0].detail", equalTo("Globex subsidiary is a client"))
                .body("returnedBy", equalTo("p.patel"));

        given().auth()
                .oauth2(INTAKE)
                .contentType("application/merge-patch+json")
                .body("{\"fields\":{\"adverseParties\":\"Globex Ltd (conflict waived in writing)\"}}")
                .when()
                .patch("/intakes/" + id)
                .then()
                .statusCode(200);
        submit(id).then().statusCode(200).body("status", equalTo("SUBMITTED")).body("attempts", equalTo(2));
    }

    @Test
    void theIdempotencyKeyReplaysTheFirstIntakeAndRefusesAnotherBody() {
        String key = UUID.randomUUID().toString();
        String body = intake(MATTER_TYPE, true);
        String first = given().auth()
                .oauth2(INTAKE)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .when()
                .post("/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(INTAKE)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .when()
                .post("/intakes")
                .then()
                .statusCode(201)
                .body("id", equalTo(first))
                .header("Location", containsString(first));
        given().auth()
                .oauth2(INTAKE)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body.replace("Acme v. Globex", "Acme v. Initech"))
                .when()
                .post("/intakes")
                .then()
                .statusCode(422)
                .body("type", equalTo("urn:lanes:problem:idempotency-key-reused"));
    }

    @Test
    void aStaleETagIs412AndASubmittedIntakeIsFrozen() {
        Response created = create(intake(MATTER_TYPE, true));
        String id =
                created.then().statusCode(201).header("ETag", "\"1\"").extract().path("id");
        given().auth()
                .oauth2(INTAKE)
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"1\"")
                .body("{\"matterName\":\"Acme Corp v. Globex Ltd\"}")
                .when()
                .patch("/intakes/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"");
        given().auth()
                .oauth2(INTAKE)
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"1\"")
                .body("{\"matterName\":\"lost update\"}")
                .when()
                .patch("/intakes/" + id)
                .then()
                .statusCode(412)
                .contentType(PROBLEM);
        submit(id).then().statusCode(200);
        given().auth()
                .oauth2(INTAKE)
                .contentType("application/merge-patch+json")
                .body("{\"matterName\":\"too late\"}")
                .when()
                .patch("/intakes/" + id)
                .then()
                .statusCode(409)
                .body("rule", equalTo("INTAKE_ALREADY_SUBMITTED"));
    }

    /**
     * Field values of control characters, each escaped to six bytes in JSON, grow an intake past what
     * Kafka can carry in five merge patches that each fit the body limit: the patch that would store
     * an event over the limit is refused with 413 naming the size, and nothing of it is written (19
     * fields a patch keep the intake within its 100 fields).
     */
    @Test
    void aPatchThatWouldStoreAnEventTooLargeToPublishIs413AndWritesNothing() {
        String id = createdId(IntakeFixtures.intake(MATTER_TYPE, false));
        String value = "\\u0001".repeat(2_000);
        for (int patch = 0; patch < 5; patch++) {
            StringBuilder fields = new StringBuilder();
            for (int f = 0; f < 19; f++) {
                fields.append(fields.length() == 0 ? "" : ",")
                        .append("\"junk")
                        .append(patch * 19 + f)
                        .append("\":\"")
                        .append(value)
                        .append('"');
            }
            Response response = given().auth()
                    .oauth2(INTAKE)
                    .contentType("application/merge-patch+json")
                    .body("{\"fields\":{" + fields + "}}")
                    .when()
                    .patch("/intakes/" + id);
            if (patch < 4) {
                response.then().statusCode(200);
                continue;
            }
            response.then()
                    .statusCode(413)
                    .contentType(PROBLEM)
                    .body("type", equalTo("urn:lanes:problem:payload-too-large"))
                    .body("errors[0].code", equalTo("event-size"))
                    .body("maxEventBytes", equalTo(1_000_000));
        }
        assertEquals(
                5,
                IntakeFixtures.count("SELECT count(*) FROM lanes_event WHERE stream_id = ?", id),
                "created and four patches; the fifth wrote nothing");
    }

    @Test
    void badInputGetsAClearProblem() {
        create("{\"matterType\": ")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:lanes:problem:malformed-request"));
        create(intake(MATTER_TYPE, true).replace("120000.00", "\"a lot\""))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("estimatedBudget"));
        create(intake(MATTER_TYPE, true).replace("Acme v. Globex", "x".repeat(201)))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("matterName"));
        create(intake(MATTER_TYPE, true).replace("legal@acme.example", "not-an-email"))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("client.email"));
        create(intake("no-such-matter-type", true))
                .then()
                .statusCode(422)
                .body("knownMatterTypes", hasItem(MATTER_TYPE));
        given().auth()
                .oauth2(INTAKE)
                .when()
                .get("/intakes/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(INTAKE)
                .when()
                .post("/intakes/" + UUID.randomUUID() + "/submit")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(INTAKE)
                .when()
                .get("/intakes?size=1000")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
        String bloated = intake(MATTER_TYPE, true).replace("Acme v. Globex", "x".repeat(300_000));
        create(bloated)
                .then()
                .statusCode(413)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:lanes:problem:payload-too-large"))
                .body("errors[0].field", equalTo("body"))
                .body("maxBodyBytes", equalTo(256 * 1024));
    }

    @Test
    void onlyIntakeStaffWithATokenMayUseIntakes() {
        given().contentType(ContentType.JSON)
                .body(intake(MATTER_TYPE, true))
                .when()
                .post("/intakes")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(DevTokens.forRole("pm"))
                .contentType(ContentType.JSON)
                .body(intake(MATTER_TYPE, true))
                .when()
                .post("/intakes")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
    }

    @Test
    void listsIntakesByStatusAndMatterTypeAPageAtATime() {
        String submitted = createdId(intake(MATTER_TYPE, true));
        submit(submitted).then().statusCode(200);
        createdId(intake(MATTER_TYPE, true));
        given().auth()
                .oauth2(INTAKE)
                .queryParam("status", "SUBMITTED")
                .queryParam("matterType", MATTER_TYPE)
                .queryParam("size", 100)
                .when()
                .get("/intakes")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(submitted))
                .body("items.status", everyItemIs("SUBMITTED"));
        given().auth()
                .oauth2(INTAKE)
                .queryParam("matterType", MATTER_TYPE)
                .queryParam("size", 1)
                .when()
                .get("/intakes")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("size", equalTo(1));
    }

    private static org.hamcrest.Matcher<Iterable<? extends String>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }
}
