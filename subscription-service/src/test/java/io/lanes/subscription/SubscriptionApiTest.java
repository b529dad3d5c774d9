package io.lanes.subscription;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfraResource;
import io.lanes.testing.WebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Managing subscriptions: ownership, changes, secrets, pings, and bad input answered as problem+json. */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class SubscriptionApiTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String PM = DevTokens.forUser("p.moss", "pm");
    private static final String OTHER_PM = DevTokens.forUser("r.diaz", "pm");
    private static final String ADMIN = DevTokens.forUser("ad.min", "admin");
    private static final WebhookReceiver RECEIVER = WebhookReceiver.start();

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    private static String subscribe(String token, String path) {
        return SubscriptionFixture.subscribe(token, RECEIVER.url(path), List.of("milestone-slipped"), Map.of())
                .getString("subscription.id");
    }

    @Test
    void aSubscriptionIsItsOwnersAndAdminSeesEveryOne() {
        String mine = subscribe(PM, "/mine");
        String theirs = subscribe(OTHER_PM, "/theirs");

        given().auth()
                .oauth2(PM)
                .when()
                .get("/subscriptions")
                .then()
                .statusCode(200)
                .body("id", hasItem(mine))
                .body("id", not(hasItem(theirs)))
                .body("secret", not(hasItem(startsWith("whsec_"))));
        given().auth()
                .oauth2(PM)
                .when()
                .get("/subscriptions/{id}", theirs)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(PM)
                .when()
                .delete("/subscriptions/{id}", theirs)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(PM)
                .when()
                .post("/subscriptions/{id}/rotate-secret", theirs)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(ADMIN)
                .when()
                .get("/subscriptions")
                .then()
                .statusCode(200)
                .body("id", hasItems(mine, theirs));
        given().auth()
                .oauth2(ADMIN)
                .when()
                .get("/subscriptions/{id}", theirs)
                .then()
                .statusCode(200)
                .body("owner", equalTo("r.diaz"));
    }

    @Test
    void creationAnswersTheSecretOnceAndNamesTypesInFull() {
        String id = given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "url", RECEIVER.url("/created"),
                        "types", List.of("milestone-slipped", "io.lanes.escalation-raised.v1"),
                        "filter", Map.of("team", "employment-east"),
                        "description", "Slips to the Asana board"))
                .when()
                .post("/subscriptions")
                .then()
                .statusCode(201)
                .header("Location", containsString("/subscriptions/"))
                .body("secret", startsWith("whsec_"))
                .body("subscription.owner", equalTo("p.moss"))
                .body("subscription.status", equalTo("ACTIVE"))
                .body(
                        "subscription.types",
                        equalTo(List.of("io.lanes.milestone-slipped.v1", "io.lanes.escalation-raised.v1")))
                .body("subscription.filter.team", equalTo("employment-east"))
                .extract()
                .path("subscription.id");

        given().auth()
                .oauth2(PM)
                .when()
                .get("/subscriptions/{id}", id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("secret", nullValue())
                .body("description", equalTo("Slips to the Asana board"));
    }

    @Test
    void aRetriedCreationWithItsIdempotencyKeyCreatesOne() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("url", RECEIVER.url("/once"), "types", List.of("task-blocked"));
        String first = given().auth()
                .oauth2(PM)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("subscription.id");

        given().auth()
                .oauth2(PM)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/subscriptions")
                .then()
                .statusCode(201)
                .body("subscription.id", equalTo(first));
    }

    @Test
    void aMergePatchChangesWhatItNamesAndPausesAndResumes() {
        String id = subscribe(PM, "/patched");

        given().auth()
                .oauth2(PM)
                .contentType("application/merge-patch+json")
                .body("{\"types\": [\"task-blocked\"], \"filter\": {\"cause\": \"TASK_BLOCKED\"}, \"enabled\": false}")
                .when()
                .patch("/subscriptions/{id}", id)
                .then()
                .statusCode(200)
                .body("types", equalTo(List.of("io.lanes.task-blocked.v1")))
                .body("filter.cause", equalTo("TASK_BLOCKED"))
                .body("status", equalTo("DISABLED"))
                .body("url", equalTo(RECEIVER.url("/patched")));
        given().auth()
                .oauth2(PM)
                .contentType("application/merge-patch+json")
                .body("{\"filter\": {\"cause\": null}, \"enabled\": true}")
                .when()
                .patch("/subscriptions/{id}", id)
                .then()
                .statusCode(200)
                .body("filter", equalTo(Map.of()))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void aStaleIfMatchIsRefused() {
        String id = subscribe(PM, "/stale");

        given().auth()
                .oauth2(PM)
                .header("If-Match", "\"7\"")
                .contentType(ContentType.JSON)
                .body("{\"description\": \"late\"}")
                .when()
                .patch("/subscriptions/{id}", id)
                .then()
                .statusCode(412)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:lanes:problem:precondition-failed"));
    }

    @Test
    void deletedIsGone() {
        String id = subscribe(PM, "/deleted");

        given().auth()
                .oauth2(PM)
                .when()
                .delete("/subscriptions/{id}", id)
                .then()
                .statusCode(204);
        given().auth().oauth2(PM).when().get("/subscriptions/{id}", id).then().statusCode(404);
    }

    @Test
    void aPingIsSignedAndSaysWhatTheEndpointAnswered() {
        String id = subscribe(PM, "/ping");
        RECEIVER.answer("/ping", 503);

        given().auth()
                .oauth2(PM)
                .when()
                .post("/subscriptions/{id}/test", id)
                .then()
                .statusCode(200)
                .body("delivered", equalTo(false))
                .body("status", equalTo(503));
        given().auth()
                .oauth2(PM)
                .when()
                .post("/subscriptions/{id}/test", id)
                .then()
                .statusCode(200)
                .body("delivered", equalTo(true))
                .body("status", equalTo(200));
        WebhookReceiver.Received ping = RECEIVER.received("/ping").get(1);
        assertTrue(new String(ping.body()).contains("\"type\":\"io.lanes.ping.v1\""));
        assertTrue(ping.header("webhook-signature").startsWith("v1,"));
    }

    @Test
    void badInputNamesTheField() {
        String x = RECEIVER.url("/x");
        refused(post("/subscriptions", Map.of("url", "not a url", "types", List.of("milestone-slipped"))), "url");
        refused(post("/subscriptions", Map.of("url", x, "types", List.of("time-recorded"))), "types[0]");
        refused(
                post(
                        "/subscriptions",
                        Map.of("url", x, "types", List.of("task-blocked"), "filter", Map.of("colour", "red"))),
                "filter.colour");
        refused(
                post(
                        "/subscriptions",
                        Map.of("url", x, "types", List.of("task-blocked"), "description", "d".repeat(501))),
                "description");
        refused(post("/subscriptions/" + subscribe(PM, "/replay-bad") + "/replay", Map.of()), "from");
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"colour\": \"red\"}")
                .when()
                .patch("/subscriptions/{id}", subscribe(PM, "/patch-bad"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("colour"));
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"url\": ")
                .when()
                .post("/subscriptions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:lanes:problem:malformed-request"));
    }

    private static ValidatableResponse post(String path, Map<String, ?> body) {
        return given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then();
    }

    private static void refused(ValidatableResponse response, String field) {
        response.statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo(field));
    }

    @Test
    void aBodyOverTheLimitIsRefused() {
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "url",
                        RECEIVER.url("/x"),
                        "types",
                        List.of("task-blocked"),
                        "description",
                        "d".repeat(300_000)))
                .when()
                .post("/subscriptions")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("errors[0].code", equalTo("body-size"));
    }

    @Test
    void withoutATokenOrWithTheWrongRoleNothing() {
        given().when().get("/subscriptions").then().statusCode(401);
        given().auth()
                .oauth2(DevTokens.forRole("leadership"))
                .when()
                .get("/subscriptions")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.forRole("intake"))
                .contentType(ContentType.JSON)
                .body(Map.of("url", RECEIVER.url("/x"), "types", List.of("task-blocked")))
                .when()
                .post("/subscriptions")
                .then()
                .statusCode(403);
    }
}
