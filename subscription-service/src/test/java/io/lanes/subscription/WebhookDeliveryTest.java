package io.lanes.subscription;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.contracts.CloudEventCodec;
import io.lanes.contracts.EventJson;
import io.lanes.contracts.IncomingEvent;
import io.lanes.contracts.Topic;
import io.lanes.contracts.hooks.WebhookDeliveryFailed;
import io.lanes.contracts.matter.EthicalScreenAdded;
import io.lanes.contracts.matter.Severity;
import io.lanes.subscription.SubscriptionFixture.Matter;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.LanesInfraResource;
import io.lanes.testing.TopicReader;
import io.lanes.testing.WebhookReceiver;
import io.lanes.testing.WebhookReceiver.Received;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Escalations from the real broker reach a local HTTP endpoint as Standard Webhooks: signed, retried
 * with the same webhook-id, in each matter's order, filtered, replayed, and never held up by another
 * subscription's slow endpoint. The test profile retries after 0.2 s three times and gives an endpoint
 * 2 s to answer.
 */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class WebhookDeliveryTest {

    private static final String PM = DevTokens.forUser("p.moss", "pm");
    private static final WebhookReceiver RECEIVER = WebhookReceiver.start();
    private static final List<String> SLIPS = List.of("milestone-slipped");

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    private static Matter matter(String team) {
        return SubscriptionFixture.knownMatter(team);
    }

    private static String path() {
        return "/hooks/" + UUID.randomUUID();
    }

    private static List<Received> awaitReceived(String path, int count, Duration within) {
        await().atMost(within)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> RECEIVER.received(path).size() >= count);
        return RECEIVER.received(path);
    }

    private static JsonPath deliveries(String subscription) {
        return given().auth()
                .oauth2(PM)
                .when()
                .get("/subscriptions/{id}/deliveries", subscription)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aSlipReachesTheEndpointWithinTwoSecondsSignedAsTheSpecificationSays() {
        String path = path();
        JsonPath created = SubscriptionFixture.subscribe(PM, RECEIVER.url(path), SLIPS, Map.of());
        Matter matter = matter("employment-east");

        UUID slip = matter.slip();

        Received request = awaitReceived(path, 1, Duration.ofSeconds(2)).get(0);
        assertTrue(request.signedWith(created.getString("secret")), "the signature verifies");
        assertEquals(slip.toString(), request.header("webhook-id"));
        assertEquals("application/json", request.header("content-type"));
        JsonNode body = EventJson.parse(request.body());
        assertEquals("1.0", body.get("specversion").asText());
        assertEquals(slip.toString(), body.get("id").asText());
        assertEquals("/lanes/matter-service", body.get("source").asText());
        assertEquals("io.lanes.milestone-slipped.v1", body.get("type").asText());
        assertEquals(matter.id.toString(), body.get("subject").asText());
        assertEquals("application/json", body.get("datacontenttype").asText());
        assertEquals("Pleadings", body.get("data").get("name").asText());
        assertTrue(body.hasNonNull("time"));
    }

    @Test
    void aFailingEndpointGetsTheSameWebhookIdUntilItAnswersAndTheLogSaysSo() {
        String path = path();
        RECEIVER.answer(path, 500, 500);
        String subscription = SubscriptionFixture.subscribe(PM, RECEIVER.url(path), SLIPS, Map.of())
                .getString("subscription.id");

        UUID slip = matter("employment-east").slip();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> "DELIVERED".equals(deliveries(subscription).getString("items[0].status")));
        List<Received> requests = RECEIVER.received(path);
        assertEquals(3, requests.size(), "two failures, then delivered once");
        requests.forEach(request -> assertEquals(slip.toString(), request.header("webhook-id")));
        JsonPath log = deliveries(subscription);
        assertEquals(1, log.getInt("total"));
        assertEquals(slip.toString(), log.getString("items[0].eventId"));
        assertEquals("io.lanes.milestone-slipped.v1", log.getString("items[0].ceType"));
        assertEquals(3, log.getInt("items[0].attempts"));
        assertEquals(200, log.getInt("items[0].lastStatus"));
    }

    @Test
    void goneDisablesTheSubscriptionAndTheHooksTopicSaysSo() {
        String path = path();
        RECEIVER.answer(path, 410);
        String subscription = SubscriptionFixture.subscribe(PM, RECEIVER.url(path), SLIPS, Map.of())
                .getString("subscription.id");
        try (TopicReader hooks = TopicReader.of(Topic.HOOKS.topicName())) {
            Matter matter = matter("employment-east");

            UUID slip = matter.slip();

            IncomingEvent failed = CloudEventCodec.decode(
                    hooks.await(record -> record.key().equals(subscription), 1, Duration.ofSeconds(10))
                            .get(0));
            assertEquals(
                    new WebhookDeliveryFailed(
                            UUID.fromString(subscription),
                            RECEIVER.url(path),
                            slip,
                            1,
                            410,
                            "410 Gone",
                            true,
                            failed.event().occurredAt()),
                    failed.event());
            given().auth()
                    .oauth2(PM)
                    .when()
                    .get("/subscriptions/{id}", subscription)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("DISABLED"))
                    .body("disabledReason", equalTo("the endpoint answered 410 Gone"));

            matter.slip();
            UUID third = matter.slip();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> LanesInfra.get()
                                    .database()
                                    .queryLong("SELECT count(*) FROM notice WHERE event_id = ?", third)
                            == 1);
            assertEquals(1, RECEIVER.received(path).size(), "a disabled subscription receives nothing");
        }
    }

    @Test
    void anEndpointThatHangsDelaysNoOtherSubscription() {
        String slow = path();
        String fast = path();
        RECEIVER.hang(slow, Duration.ofSeconds(30));
        SubscriptionFixture.subscribe(PM, RECEIVER.url(slow), SLIPS, Map.of());
        SubscriptionFixture.subscribe(PM, RECEIVER.url(fast), SLIPS, Map.of());
        Matter matter = matter("employment-east");

        matter.slip();
        awaitReceived(slow, 1, Duration.ofSeconds(2));
        UUID second = matter("employment-east").slip();

        Received request = awaitReceived(fast, 2, Duration.ofSeconds(2)).get(1);
        assertEquals(second.toString(), request.header("webhook-id"));
    }

    @Test
    void aMattersDeliveriesGoInItsEventOrder() {
        String path = path();
        RECEIVER.answer(path, 500);
        SubscriptionFixture.subscribe(PM, RECEIVER.url(path), SLIPS, Map.of());
        Matter matter = matter("employment-east");

        UUID first = matter.slip();
        UUID second = matter.slip();

        List<String> ids = awaitReceived(path, 3, Duration.ofSeconds(10)).stream()
                .map(request -> request.header("webhook-id"))
                .toList();
        assertEquals(List.of(first.toString(), first.toString(), second.toString()), ids);
    }

    @Test
    void filtersAndEthicalScreensHold() {
        String path = path();
        SubscriptionFixture.subscribe(
                PM,
                RECEIVER.url(path),
                List.of("escalation-raised"),
                Map.of("team", "employment-west", "severity", "CRITICAL"));
        Matter otherTeam = matter("employment-north");
        Matter screened = matter("employment-west");
        screened.publish(
                new EthicalScreenAdded(screened.id, "p.moss", "Acted for the other side", "admin", Instant.now()));
        Matter matter = matter("employment-west");

        UUID wrongTeam = otherTeam.raise(Severity.CRITICAL);
        UUID whileScreened = screened.raise(Severity.CRITICAL);
        UUID warning = matter.raise(Severity.WARNING);
        UUID critical = matter.raise(Severity.CRITICAL);

        awaitReceived(path, 1, Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> LanesInfra.get()
                                .database()
                                .queryLong(
                                        "SELECT count(*) FROM notice WHERE event_id IN (?, ?, ?)",
                                        wrongTeam,
                                        whileScreened,
                                        warning)
                        == 3);
        assertEquals(
                List.of(critical.toString()),
                RECEIVER.received(path).stream()
                        .map(r -> r.header("webhook-id"))
                        .toList());
    }

    @Test
    void replaySendsTheStoredEventsAgainWithTheSameWebhookIds() {
        String path = path();
        String subscription = SubscriptionFixture.subscribe(
                        PM, RECEIVER.url(path), SLIPS, Map.of("team", "employment-replay"))
                .getString("subscription.id");
        Instant before = Instant.now().minusSeconds(1);
        Matter matter = matter("employment-replay");
        UUID first = matter.slip();
        UUID second = matter.slip();
        awaitReceived(path, 2, Duration.ofSeconds(5));

        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body(Map.of("from", before.toString()))
                .when()
                .post("/subscriptions/{id}/replay", subscription)
                .then()
                .statusCode(202)
                .body("queued", equalTo(2));

        List<String> ids = awaitReceived(path, 4, Duration.ofSeconds(5)).stream()
                .map(request -> request.header("webhook-id"))
                .toList();
        assertEquals(List.of(first.toString(), second.toString(), first.toString(), second.toString()), ids);
    }

    @Test
    void afterARotationBothSecretsSignUntilThePreviousOneExpires() {
        String path = path();
        JsonPath created = SubscriptionFixture.subscribe(PM, RECEIVER.url(path), SLIPS, Map.of());
        String subscription = created.getString("subscription.id");
        String previous = created.getString("secret");

        JsonPath rotated = given().auth()
                .oauth2(PM)
                .when()
                .post("/subscriptions/{id}/rotate-secret", subscription)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        matter("employment-east").slip();

        Received request = awaitReceived(path, 1, Duration.ofSeconds(5)).get(0);
        String current = rotated.getString("secret");
        assertTrue(current.startsWith("whsec_") && !current.equals(previous));
        assertEquals(2, request.header("webhook-signature").split(" ").length);
        assertTrue(request.signedWith(current), "the new secret signs");
        assertTrue(request.signedWith(previous), "the previous secret still signs");
        assertTrue(Instant.parse(rotated.getString("previousSecretValidUntil"))
                .isAfter(Instant.now().plus(Duration.ofHours(23))));
    }

    @Test
    void deliveriesThatKeepFailingDisableTheSubscription() {
        String path = path();
        RECEIVER.answer(path, 500, 500, 500, 500, 500, 500, 500, 500);
        String subscription = SubscriptionFixture.subscribe(PM, RECEIVER.url(path), SLIPS, Map.of())
                .getString("subscription.id");
        try (TopicReader hooks = TopicReader.of(Topic.HOOKS.topicName())) {
            matter("employment-east").slip();
            matter("employment-south").slip();

            List<WebhookDeliveryFailed> failed =
                    hooks.await(record -> record.key().equals(subscription), 2, Duration.ofSeconds(15)).stream()
                            .map(record -> (WebhookDeliveryFailed)
                                    CloudEventCodec.decode(record).event())
                            .toList();

            assertEquals(
                    List.of(4, 4),
                    failed.stream().map(WebhookDeliveryFailed::attempts).toList());
            assertEquals(
                    1, failed.stream().filter(WebhookDeliveryFailed::disabled).count());
            assertEquals("500 Internal Server Error", failed.get(0).lastError());
        }
        given().auth()
                .oauth2(PM)
                .when()
                .get("/subscriptions/{id}", subscription)
                .then()
                .body("status", equalTo("DISABLED"))
                .body("failedDeliveriesInARow", equalTo(2));
    }
}
