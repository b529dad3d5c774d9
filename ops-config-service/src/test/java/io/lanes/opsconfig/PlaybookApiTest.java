package io.lanes.opsconfig;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.contracts.CloudEventCodec;
import io.lanes.contracts.EventJson;
import io.lanes.contracts.EventSchemas;
import io.lanes.contracts.EventType;
import io.lanes.contracts.Topic;
import io.lanes.opsconfig.service.StarterPlaybooks;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.LanesInfraResource;
import io.lanes.testing.RecordHeaders;
import io.lanes.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class PlaybookApiTest {

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static final String OPS = DevTokens.forUser("o.ramirez", "ops");

    @Inject
    StarterPlaybooks starters;

    private static final String PROBLEM = "application/problem+json";

    static ObjectNode starter(String matterType) throws Exception {
        try (InputStream in = PlaybookApiTest.class
                .getClassLoader()
                .getResourceAsStream("starter-playbooks/" + matterType + ".json")) {
            return (ObjectNode) EventJson.mapper().readTree(in);
        }
    }

    /** A fresh matter type per test, so tests never see each other's versions. */
    static String newMatterType() {
        return "nda-review-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Response createDraft(String matterType, Object body) {
        return given().auth()
                .oauth2(OPS)
                .contentType(ContentType.JSON)
                .body(body.toString())
                .when()
                .post("/playbooks/" + matterType + "/drafts");
    }

    static int publishNew(String matterType, ObjectNode body) {
        String id =
                createDraft(matterType, body).then().statusCode(201).extract().path("id");
        return given().auth()
                .oauth2(OPS)
                .when()
                .post("/playbooks/" + matterType + "/drafts/" + id + "/publish")
                .then()
                .statusCode(201)
                .extract()
                .path("version");
    }

    @Test
    void starterPlaybooksArePublishedOnceAsVersionOne() throws Exception {
        given().auth()
                .oauth2(DevTokens.forRole("intake"))
                .when()
                .get("/playbooks")
                .then()
                .statusCode(200)
                .body("matterType", hasItems("commercial-litigation", "employment-litigation", "contract-review"));
        given().auth()
                .oauth2(DevTokens.forRole("pm"))
                .when()
                .get("/playbooks/contract-review/versions/1")
                .then()
                .statusCode(200)
                .body("publishedBy", equalTo("lanes-starter"))
                .body("milestones.templateKey", hasItem("first-markup"));
        assertEquals(1, starterEvents("commercial-litigation"));
    }

    @Test
    void aRestartDoesNotPublishTheStarterPlaybooksAgain() throws Throwable {
        starters.publishMissing();
        for (String matterType : List.of("commercial-litigation", "employment-litigation", "contract-review")) {
            assertEquals(1, starterEvents(matterType), matterType);
        }
    }

    @Test
    void publishingADraftEmitsASchemaValidCloudEventKeyedByMatterType() throws Exception {
        String matterType = newMatterType();
        ObjectNode body = starter("contract-review");
        Response created = createDraft(matterType, body);
        created.then()
                .statusCode(201)
                .header("Location", containsString("/playbooks/" + matterType + "/drafts/"))
                .header("ETag", "\"1\"")
                .body("status", equalTo("DRAFT"));
        String draft = created.path("id");

        given().auth()
                .oauth2(OPS)
                .when()
                .post("/playbooks/" + matterType + "/drafts/" + draft + "/publish")
                .then()
                .statusCode(201)
                .header("Location", containsString("/playbooks/" + matterType + "/versions/1"))
                .body("version", equalTo(1))
                .body("publishedBy", equalTo("o.ramirez"));

        try (TopicReader reader = TopicReader.of(Topic.OPS_CONFIG.topicName())) {
            ConsumerRecord<String, byte[]> record = reader.await(
                            r -> matterType.equals(r.key()), 1, Duration.ofSeconds(30))
                    .get(0);
            assertEquals(EventType.PLAYBOOK_PUBLISHED.ceType(), RecordHeaders.text(record, CloudEventCodec.H_TYPE));
            assertEquals("/lanes/ops-config-service", RecordHeaders.text(record, CloudEventCodec.H_SOURCE));
            assertEquals(matterType, RecordHeaders.text(record, CloudEventCodec.H_SUBJECT));
            assertEquals("00000000000000000001", RecordHeaders.text(record, CloudEventCodec.H_SEQUENCE));
            assertEquals(
                    "urn:lanes:schema:playbook-published.v1", RecordHeaders.text(record, CloudEventCodec.H_DATASCHEMA));
            assertEquals(
                    List.of(), EventSchemas.violations(EventType.PLAYBOOK_PUBLISHED, EventJson.parse(record.value())));
        }
        given().auth()
                .oauth2(OPS)
                .when()
                .get("/playbooks/" + matterType + "/drafts/" + draft)
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("publishedVersion", equalTo(1));
    }

    @Test
    void historyAndDiffBetweenVersions() throws Exception {
        String matterType = newMatterType();
        ObjectNode first = starter("contract-review");
        publishNew(matterType, first);
        ObjectNode second = first.deepCopy();
        second.withObject("thresholds").put("slipGraceDays", 3);
        ((ObjectNode) second.withArray("milestones").get(0)).put("offsetDays", 4);
        assertEquals(2, publishNew(matterType, second));

        given().auth()
                .oauth2(DevTokens.forRole("leadership"))
                .when()
                .get("/playbooks/" + matterType + "/versions")
                .then()
                .statusCode(200)
                .body("version", equalTo(List.of(1, 2)))
                .body("publishedBy", equalTo(List.of("o.ramirez", "o.ramirez")));
        given().auth()
                .oauth2(OPS)
                .when()
                .get("/playbooks/" + matterType)
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("thresholds.slipGraceDays", equalTo(3));
        given().auth()
                .oauth2(OPS)
                .queryParam("from", 1)
                .queryParam("to", 2)
                .when()
                .get("/playbooks/" + matterType + "/diff")
                .then()
                .statusCode(200)
                .body(
                        "changes.path",
                        equalTo(List.of("milestones[issues-list].offsetDays", "thresholds.slipGraceDays")))
                .body("changes.kind", equalTo(List.of("CHANGED", "CHANGED")))
                .body("changes[1].before", equalTo(1))
                .body("changes[1].after", equalTo(3));
    }

    @Test
    void aPublishedVersionIsNeverEdited() throws Exception {
        String matterType = newMatterType();
        ObjectNode body = starter("contract-review");
        String draft =
                createDraft(matterType, body).then().statusCode(201).extract().path("id");
        given().auth()
                .oauth2(OPS)
                .when()
                .post("/playbooks/" + matterType + "/drafts/" + draft + "/publish")
                .then()
                .statusCode(201);

        given().auth()
                .oauth2(OPS)
                .contentType(ContentType.JSON)
                .body(body.toString())
                .when()
                .put("/playbooks/" + matterType + "/drafts/" + draft)
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("rule", equalTo("DRAFT_ALREADY_PUBLISHED"));
        given().auth()
                .oauth2(OPS)
                .when()
                .post("/playbooks/" + matterType + "/drafts/" + draft + "/publish")
                .then()
                .statusCode(409)
                .body("rule", equalTo("DRAFT_ALREADY_PUBLISHED"));
        given().auth()
                .oauth2(OPS)
                .contentType(ContentType.JSON)
                .body(body.toString())
                .when()
                .put("/playbooks/" + matterType + "/versions/1")
                .then()
                .statusCode(405)
                .contentType(PROBLEM);
    }

    @Test
    void editingADraftWithAStaleETagIs412() throws Exception {
        String matterType = newMatterType();
        ObjectNode body = starter("contract-review");
        String draft =
                createDraft(matterType, body).then().statusCode(201).extract().path("id");
        body.withObject("thresholds").put("slipGraceDays", 2);
        given().auth()
                .oauth2(OPS)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(body.toString())
                .when()
                .put("/playbooks/" + matterType + "/drafts/" + draft)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("content.thresholds.slipGraceDays", equalTo(2));
        given().auth()
                .oauth2(OPS)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(body.toString())
                .when()
                .put("/playbooks/" + matterType + "/drafts/" + draft)
                .then()
                .statusCode(412)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:lanes:problem:precondition-failed"));
    }

    @Test
    void invalidPlaybooksAreRejectedNamingEveryField() throws Exception {
        ObjectNode body = starter("commercial-litigation");
        ((ObjectNode) body.withArray("checklist").get(1)).put("key", "conflict-check");
        ((ObjectNode) body.withArray("milestones").get(0)).put("offsetDays", -5);
        ((ObjectNode) body.withArray("milestones").get(1)).put("phase", "P200");
        ((ObjectNode) body.withArray("budgetPhases").get(0)).put("share", 0.5);
        body.withObject("thresholds").put("budgetWarningPct", 120);
        body.withObject("kpiTargets").put("partnerHappiness", 5);
        createDraft(newMatterType(), body)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:lanes:problem:invalid-request"))
                .body(
                        "errors.field",
                        hasItems(
                                "checklist[1].key",
                                "milestones[0].offsetDays",
                                "milestones[1].phase",
                                "budgetPhases",
                                "thresholds.budgetEscalationPct",
                                "kpiTargets.partnerHappiness"));
    }

    @Test
    void badRequestsGetProblems() throws Exception {
        createDraft(newMatterType(), "{\"practiceArea\": ")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:lanes:problem:malformed-request"));
        createDraft("Not A Type!", starter("contract-review"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("matterType"));
        given().auth()
                .oauth2(OPS)
                .when()
                .get("/playbooks/no-such-type")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(OPS)
                .when()
                .get("/playbooks/contract-review/versions/99")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(OPS)
                .when()
                .get("/playbooks/contract-review/drafts/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(OPS)
                .when()
                .get("/playbooks/contract-review/diff?from=1")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("to"));
    }

    @Test
    void readingNeedsATokenAndWritingNeedsOps() throws Exception {
        given().when().get("/playbooks").then().statusCode(401).contentType(PROBLEM);
        given().auth()
                .oauth2(DevTokens.forRole("intake"))
                .contentType(ContentType.JSON)
                .body(starter("contract-review").toString())
                .when()
                .post("/playbooks/" + newMatterType() + "/drafts")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
    }

    @Test
    void draftCreationHonoursTheIdempotencyKey() throws Exception {
        String matterType = newMatterType();
        String key = UUID.randomUUID().toString();
        ObjectNode body = starter("contract-review");
        String first = given().auth()
                .oauth2(OPS)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body.toString())
                .when()
                .post("/playbooks/" + matterType + "/drafts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(OPS)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body.toString())
                .when()
                .post("/playbooks/" + matterType + "/drafts")
                .then()
                .statusCode(201)
                .body("id", equalTo(first))
                .header("Idempotency-Replayed", "true");
        body.put("practiceArea", "tax");
        given().auth()
                .oauth2(OPS)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body.toString())
                .when()
                .post("/playbooks/" + matterType + "/drafts")
                .then()
                .statusCode(422)
                .body("type", equalTo("urn:lanes:problem:idempotency-key-reused"));
    }

    private static long starterEvents(String matterType) {
        return LanesInfra.get()
                .database()
                .queryLong("SELECT count(*) FROM lanes_event WHERE stream_id = ?", matterType);
    }
}
