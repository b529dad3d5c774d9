package io.lanes.matter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.contracts.opsconfig.PlaybookPublished.Thresholds;
import io.lanes.matter.service.Detection;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A candidate playbook replayed over a matter run live through the API (real PostgreSQL and Kafka): the
 * replay under the version it ran on reproduces what was recorded, the candidate's lower warning level
 * warns where version 1 never did, and nothing is written. Bad input answers problem+json.
 */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class PlaybookReplayApiTest {

    private static final String MATTER_TYPE = "replayed-litigation";
    private static final String OPS = DevTokens.forUser("o.ramirez", "ops");
    private static final Thresholds VERSION_1 =
            new Thresholds(new BigDecimal("80"), new BigDecimal("100"), 2, 14, 24, null, null);
    private static final Thresholds WARNS_AT_60 =
            new Thresholds(new BigDecimal("60"), new BigDecimal("100"), 2, 14, 24, null, null);

    @Inject
    Detection detection;

    @Test
    void aCandidatesLowerWarningLevelWarnsWhereTheLiveVersionDidNot() throws Throwable {
        MatterFixture.publishPlaybook(MATTER_TYPE, VERSION_1, List.of());
        UUID matter = MatterFixture.openMatter(MATTER_TYPE, new BigDecimal("10000.00"));
        recordTime(matter, "1300.00");
        VertxContextSupport.subscribeAndAwait(() -> detection.runOnce());
        int events = history(matter);
        LocalDate today = MatterFixture.today();

        replay(request(MatterFixture.playbook(MATTER_TYPE, 2, WARNS_AT_60, List.of()), today.minusDays(1), today))
                .then()
                .statusCode(200)
                .body("matterType", equalTo(MATTER_TYPE))
                .body("candidateVersion", equalTo(2))
                .body("matters", equalTo(1))
                .body("reproduced", equalTo(1))
                .body("budgetAlerts", hasSize(1))
                .body("budgetAlerts[0].matterId", equalTo(matter.toString()))
                .body("budgetAlerts[0].phase", equalTo("L100"))
                .body("budgetAlerts[0].level", equalTo("WARNING"))
                .body("budgetAlerts[0].asWasOn", nullValue())
                .body("budgetAlerts[0].candidateOn", equalTo(today.toString()))
                .body("kpis.find { it.key == 'budgetWarnings' }.asWas.count", equalTo(0))
                .body("kpis.find { it.key == 'budgetWarnings' }.candidate.count", equalTo(1))
                .body("escalations", hasSize(0))
                .body("milestones", hasSize(0))
                .body("refusedAsWas", equalTo(0));
        assertEquals(events, history(matter), "a replay writes nothing");
    }

    @Test
    void aWindowLongerThanTheLimitIsRefusedNamingIt() {
        LocalDate today = MatterFixture.today();
        replay(request(candidate(), today.minusDays(400), today))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("to"))
                .body("errors[0].code", equalTo("window-too-large"));
        replay(request(candidate(), today, today.minusDays(1)))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("to"))
                .body("errors[0].code", equalTo("window-reversed"));
    }

    @Test
    void missingFieldsMalformedJsonAndTheWrongCallerAreProblems() {
        ObjectNode noPlaybook = request(candidate(), MatterFixture.today(), MatterFixture.today());
        noPlaybook.remove("playbook");
        replay(noPlaybook).then().statusCode(400).body("errors.field", hasItem("playbook"));
        as(OPS).body("{\"from\":").post("/replays").then().statusCode(400).contentType("application/problem+json");
        String json = request(candidate(), MatterFixture.today(), MatterFixture.today())
                .toString();
        as(MatterFixture.PM).body(json).post("/replays").then().statusCode(403);
        given().contentType(ContentType.JSON).body(json).post("/replays").then().statusCode(401);
    }

    @Test
    void aWindowWithoutMattersReplaysNothing() {
        LocalDate longAgo = LocalDate.parse("2001-01-01");
        replay(request(candidate(), longAgo, longAgo.plusDays(30)))
                .then()
                .statusCode(200)
                .body("matters", equalTo(0))
                .body("kpis.find { it.key == 'onTimeMilestoneRate' }.asWas.value", nullValue());
    }

    private static PlaybookPublished candidate() {
        return MatterFixture.playbook(MATTER_TYPE, 2, WARNS_AT_60, List.of());
    }

    private static ObjectNode request(PlaybookPublished playbook, LocalDate from, LocalDate to) {
        return MatterFixture.replayRequest(playbook, from, to);
    }

    private static Response replay(ObjectNode body) {
        return as(OPS).body(body.toString()).post("/replays");
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static int history(UUID matter) {
        return given().auth()
                .oauth2(MatterFixture.PM)
                .get("/matters/" + matter + "/events")
                .then()
                .statusCode(200)
                .extract()
                .path("size()");
    }

    private static void recordTime(UUID matter, String amount) {
        as(MatterFixture.PM)
                .body("{\"timekeeper\":\"a.chen\",\"timekeeperRole\":\"ATTORNEY\",\"workDate\":\""
                        + MatterFixture.today() + "\",\"hours\":2.5,\"amount\":" + amount
                        + ",\"phase\":\"L100\",\"taskCode\":\"L110\",\"activityCode\":\"A101\",\"billable\":true,"
                        + "\"admin\":false}")
                .post("/matters/" + matter + "/time-entries")
                .then()
                .statusCode(201);
    }
}
