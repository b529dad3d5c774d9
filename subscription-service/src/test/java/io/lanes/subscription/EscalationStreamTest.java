package io.lanes.subscription;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lanes.contracts.EventJson;
import io.lanes.contracts.matter.EthicalScreenAdded;
import io.lanes.contracts.matter.Severity;
import io.lanes.subscription.SubscriptionFixture.Matter;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.LanesInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The live stream over the real broker: what a PM may see, in order, resumed with Last-Event-ID without gaps. */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class EscalationStreamTest {

    private static final String PM = DevTokens.forTeams("s.ortiz", "pm", "employment-stream");

    @TestHTTPResource("/escalations/stream")
    URL stream;

    private static Matter matter(String team) {
        return SubscriptionFixture.knownMatter(team);
    }

    private static List<String> ids(SseClient client) {
        return client.events().stream().map(SseClient.Event::id).toList();
    }

    @Test
    void aReconnectWithLastEventIdGetsExactlyWhatItMissed() throws Exception {
        Matter matter = matter("employment-stream");
        String url = stream + "?types=escalation-raised&severity=CRITICAL";
        UUID first;
        UUID second;
        try (SseClient client = SseClient.open(url, PM, null)) {
            assertEquals(200, client.status());
            first = matter.raise(Severity.CRITICAL);
            matter.raise(Severity.WARNING);
            second = matter.raise(Severity.CRITICAL);
            await().atMost(Duration.ofSeconds(10)).until(() -> client.events().size() >= 2);
            assertEquals(List.of(first.toString(), second.toString()), ids(client));
            SseClient.Event event = client.events().get(0);
            assertEquals("io.lanes.escalation-raised.v1", event.name());
            assertEquals(
                    first.toString(),
                    EventJson.parse(event.data().getBytes()).get("id").asText());
            assertEquals(
                    "CRITICAL",
                    EventJson.parse(event.data().getBytes())
                            .get("data")
                            .get("severity")
                            .asText());
        }

        UUID missedOne = matter.raise(Severity.CRITICAL);
        UUID missedTwo = matter.raise(Severity.CRITICAL);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> LanesInfra.get()
                                .database()
                                .queryLong("SELECT count(*) FROM notice WHERE event_id = ?", missedTwo)
                        == 1);

        try (SseClient client = SseClient.open(url, PM, second.toString())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> client.events().size() >= 2);
            UUID live = matter.raise(Severity.CRITICAL);
            await().atMost(Duration.ofSeconds(10)).until(() -> client.events().size() >= 3);
            assertEquals(List.of(missedOne.toString(), missedTwo.toString(), live.toString()), ids(client));
        }
    }

    @Test
    void aPmSeesOnlyTheirTeamsMattersAndNoneTheyAreScreenedFrom() throws Exception {
        Matter otherTeam = matter("employment-elsewhere");
        Matter screened = matter("employment-stream");
        screened.publish(new EthicalScreenAdded(screened.id, "s.ortiz", "Former client", "admin", Instant.now()));
        Matter mine = matter("employment-stream");
        try (SseClient client = SseClient.open(stream.toString(), PM, null)) {
            otherTeam.raise(Severity.CRITICAL);
            screened.raise(Severity.CRITICAL);
            UUID visible = mine.raise(Severity.WARNING);
            UUID slip = mine.slip();

            await().atMost(Duration.ofSeconds(10)).until(() -> client.events().size() >= 2);
            assertEquals(List.of(visible.toString(), slip.toString()), ids(client));
        }
    }

    @Test
    void aQuietStreamSendsHeartbeats() throws Exception {
        try (SseClient client = SseClient.open(stream.toString(), PM, null)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> client.comments().contains("heartbeat"));
            assertTrue(client.events().isEmpty());
        }
    }

    @Test
    void badParametersAndWrongRolesAreRefused() {
        given().auth()
                .oauth2(PM)
                .when()
                .get("/escalations/stream?colour=red")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("colour"));
        given().auth()
                .oauth2(PM)
                .when()
                .get("/escalations/stream?types=time-recorded")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("types[0]"));
        given().auth()
                .oauth2(PM)
                .header("Last-Event-ID", "yesterday")
                .when()
                .get("/escalations/stream")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Last-Event-ID"));
        given().when().get("/escalations/stream").then().statusCode(401);
        given().auth()
                .oauth2(DevTokens.forRole("ops"))
                .when()
                .get("/escalations/stream")
                .then()
                .statusCode(403);
    }
}
