package io.lanes.opsconfig;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.contracts.EventJson;
import io.lanes.eventstore.EventMetadata;
import io.lanes.eventstore.EventStore;
import io.lanes.opsconfig.MatterServiceStub.Answer;
import io.lanes.opsconfig.domain.DraftEvent;
import io.lanes.opsconfig.domain.DraftEvent.DraftSaved;
import io.lanes.opsconfig.domain.PlaybookContent;
import io.lanes.opsconfig.service.PlaybookService;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfraResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A draft replayed through matter-service (a stand-in here: the replay itself is matter-service's and is
 * tested there, and the system tests run both): ops-config-service sends the draft as the version it would
 * become, as the caller, and passes matter-service's answer on; it refuses an unknown draft (404), one that
 * would not pass validation (422 with the rules), a missing window (400) and the wrong caller itself.
 */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
@QuarkusTestResource(MatterServiceStub.class)
class DraftReplayApiTest {

    private static final String OPS = PlaybookApiTest.OPS;
    private static final String WINDOW = "{\"from\":\"2026-01-01\",\"to\":\"2026-06-30\"}";

    @Inject
    EventStore store;

    @AfterEach
    void answerReportsAgain() {
        MatterServiceStub.ANSWER.set(new Answer(200, "application/json", "{}", null));
    }

    @Test
    void theDraftGoesToMatterServiceAsTheNextVersionOnTheCallersBehalf() throws Exception {
        String matterType = PlaybookApiTest.newMatterType();
        ObjectNode content = PlaybookApiTest.starter("commercial-litigation");
        PlaybookApiTest.publishNew(matterType, content);
        content.withObject("thresholds").put("budgetWarningPct", 60);
        Response created = PlaybookApiTest.createDraft(matterType, content);
        String draft = created.then().statusCode(201).extract().path("id");
        assertEquals("/playbooks/" + matterType + "/drafts/" + draft + "/replay", created.path("replay"));
        MatterServiceStub.ANSWER.set(new Answer(200, "application/json", "{\"matters\":2,\"reproduced\":2}", null));

        replay(matterType, draft, OPS, WINDOW)
                .then()
                .statusCode(200)
                .body("draftId", equalTo(draft))
                .body("draftRevision", equalTo(1))
                .body("replay.matters", equalTo(2));

        MatterServiceStub.Received received = MatterServiceStub.RECEIVED.get();
        assertEquals("Bearer " + OPS, received.authorization());
        JsonNode sent = EventJson.mapper().readTree(received.body());
        assertEquals(matterType, sent.at("/playbook/matterType").asText());
        assertEquals(2, sent.at("/playbook/version").asInt(), "the version the draft would become");
        assertEquals(60, sent.at("/playbook/thresholds/budgetWarningPct").asInt());
        assertEquals("2026-01-01", sent.get("from").asText());
        assertEquals("2026-06-30", sent.get("to").asText());
    }

    @Test
    void matterServicesProblemsArePassedOnAsTheyCame() throws Exception {
        String matterType = PlaybookApiTest.newMatterType();
        String draft = draft(matterType);
        MatterServiceStub.ANSWER.set(new Answer(
                400,
                "application/problem+json",
                "{\"type\":\"urn:lanes:problem:invalid-request\",\"status\":400,"
                        + "\"errors\":[{\"field\":\"to\",\"code\":\"window-too-large\"}]}",
                null));
        replay(matterType, draft, OPS, WINDOW)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("to"));
        MatterServiceStub.ANSWER.set(
                new Answer(429, "application/problem+json", "{\"type\":\"urn:lanes:problem:too-many-requests\"}", "5"));
        replay(matterType, draft, OPS, WINDOW).then().statusCode(429).header("Retry-After", "5");
    }

    @Test
    void withMatterServiceDownTheReplayIs503() throws Exception {
        String matterType = PlaybookApiTest.newMatterType();
        String draft = draft(matterType);
        MatterServiceStub.down();
        try {
            replay(matterType, draft, OPS, WINDOW)
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:lanes:problem:unavailable"));
        } finally {
            MatterServiceStub.up();
        }
    }

    @Test
    void anUnknownDraftIs404AndAWindowIsRequired() throws Exception {
        String matterType = PlaybookApiTest.newMatterType();
        String draft = draft(matterType);
        replay(matterType, UUID.randomUUID().toString(), OPS, WINDOW).then().statusCode(404);
        replay(PlaybookApiTest.newMatterType(), draft, OPS, WINDOW)
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:lanes:problem:not-found"));
        replay(matterType, draft, OPS, "{\"from\":\"2026-01-01\"}")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("to"));
        replay(matterType, draft, OPS, "{\"from\":").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void onlyOpsReplaysADraft() throws Exception {
        String matterType = PlaybookApiTest.newMatterType();
        String draft = draft(matterType);
        replay(matterType, draft, DevTokens.forUser("p.patel", "pm"), WINDOW)
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body(WINDOW)
                .post("/playbooks/" + matterType + "/drafts/" + draft + "/replay")
                .then()
                .statusCode(401);
    }

    @Test
    void aDraftThatWouldNoLongerPassValidationIs422WithItsRuleErrors() throws Throwable {
        String matterType = PlaybookApiTest.newMatterType();
        ObjectNode invalid = PlaybookApiTest.starter("commercial-litigation");
        ((ObjectNode) invalid.withArray("budgetPhases").get(0)).put("share", 0.5);
        invalid.withObject("thresholds").put("budgetWarningPct", 120);
        UUID draft = UUID.randomUUID();
        // Saved before today's rules (the API validates every save): written to its stream directly.
        DraftSaved saved = new DraftSaved(
                draft,
                matterType,
                EventJson.mapper().treeToValue(invalid, PlaybookContent.class),
                "o.ramirez",
                Instant.now());
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> store.append(
                "draft:" + draft,
                PlaybookService.DRAFT_STREAM,
                0,
                List.of(DraftEvent.TYPES.toNew(saved, EventMetadata.by("o.ramirez"))))));

        replay(matterType, draft.toString(), OPS, WINDOW)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lanes:problem:unprocessable"))
                .body("errors.field", hasItems("budgetPhases", "thresholds.budgetEscalationPct"));
    }

    private static String draft(String matterType) throws Exception {
        return PlaybookApiTest.createDraft(matterType, PlaybookApiTest.starter("commercial-litigation"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Response replay(String matterType, String draft, String token, String window) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(window)
                .post("/playbooks/" + matterType + "/drafts/" + draft + "/replay");
    }
}
