package io.lanes.matter;

import static io.lanes.matter.ledes.LedesSample.fee;
import static io.lanes.matter.ledes.LedesSample.file;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.contracts.EventType;
import io.lanes.contracts.Topic;
import io.lanes.matter.ledes.LedesField;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Matter access over real PostgreSQL and Kafka: a PM works on the matters of the teams in their token;
 * an ethical screen (an event, on the matter topic) walls one user off one matter, which then does not
 * exist for them anywhere in matter-service.
 */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class MatterAccessApiTest {

    private static final String MATTER_TYPE =
            "access-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String TEAM = "litigation-east";
    private static final String ADMIN = DevTokens.forUser("admin.user", "admin");
    private static final String SCREENED = "d.kim";
    private static final String SCREENED_PM = DevTokens.forUser(SCREENED, "pm");
    private static final String OWN_TEAM = DevTokens.forTeams("l.ortiz", "pm", TEAM);
    private static final String OTHER_TEAM = DevTokens.forTeams("e.stone", "pm", "employment");
    private static final String NO_TEAMS = DevTokens.mint("no.teams", List.of("pm"), List.of(), Duration.ofHours(1));

    @BeforeAll
    static void playbookPublishedEarlier() {
        MatterFixture.publishPlaybook(MATTER_TYPE);
    }

    @Test
    void aPmWorksOnlyOnTheMattersOfTheTeamsInTheirToken() {
        UUID pending = MatterFixture.handoff(MATTER_TYPE, new BigDecimal("5000.00"));
        given().auth().oauth2(OWN_TEAM).get("/handoffs/" + pending).then().statusCode(200);
        given().auth()
                .oauth2(OWN_TEAM)
                .get("/handoffs?status=PENDING")
                .then()
                .body("matterId", hasItem(pending.toString()));
        for (String outsider : List.of(OTHER_TEAM, NO_TEAMS)) {
            notFound(outsider, "/handoffs/" + pending);
            given().auth()
                    .oauth2(outsider)
                    .get("/handoffs?status=PENDING")
                    .then()
                    .statusCode(200)
                    .body("matterId", not(hasItem(pending.toString())));
            given().auth()
                    .oauth2(outsider)
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .post("/handoffs/" + pending + "/accept")
                    .then()
                    .statusCode(404);
        }

        UUID matter = MatterFixture.openMatter(MATTER_TYPE, new BigDecimal("5000.00"));
        given().auth().oauth2(OWN_TEAM).get("/matters/" + matter).then().statusCode(200);
        String number =
                given().auth().oauth2(OWN_TEAM).get("/matters/" + matter).path("matterNumber");
        notFound(OTHER_TEAM, "/matters/" + matter);
        notFound(OTHER_TEAM, "/matters/" + matter + "/events");
        given().auth()
                .oauth2(OTHER_TEAM)
                .get("/matters")
                .then()
                .statusCode(200)
                .body("matterId", not(hasItem(matter.toString())));
        given().auth()
                .oauth2(OTHER_TEAM)
                .get("/matters?number=" + number)
                .then()
                .body("", empty());
        given().auth()
                .oauth2(OTHER_TEAM)
                .contentType(ContentType.JSON)
                .body("{\"summary\":\"Weekly update\"}")
                .post("/matters/" + matter + "/status-updates")
                .then()
                .statusCode(404);
    }

    @Test
    void anEthicalScreenWallsAUserOffOneMatterUntilItIsLifted() {
        UUID matter = MatterFixture.openMatter(MATTER_TYPE, new BigDecimal("5000.00"));
        String number =
                given().auth().oauth2(OWN_TEAM).get("/matters/" + matter).path("matterNumber");
        String billingId = "SCR-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(OWN_TEAM)
                .contentType(ContentType.JSON)
                .body("{\"externalId\":\"" + billingId + "\"}")
                .put("/matters/" + matter + "/external-ids/billing")
                .then()
                .statusCode(200);
        String ledes = file(fee().with(LedesField.LAW_FIRM_MATTER_ID, billingId)
                .with(LedesField.INVOICE_NUMBER, "INV-" + UUID.randomUUID())
                .line());
        importFile(OWN_TEAM, ledes).then().statusCode(200).body("imported", equalTo(1));
        given().auth().oauth2(SCREENED_PM).get("/matters/" + matter).then().statusCode(200);
        given().auth()
                .oauth2(SCREENED_PM)
                .get("/matters/" + matter + "/time.ledes")
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(SCREENED_PM)
                .contentType(ContentType.JSON)
                .body(screen(SCREENED))
                .post("/matters/" + matter + "/screens")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"user\":\"" + SCREENED + "\"}")
                .post("/matters/" + matter + "/screens")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        int revision = given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(screen(SCREENED))
                .post("/matters/" + matter + "/screens")
                .then()
                .statusCode(200)
                .body("screenedUsers", contains(SCREENED))
                .extract()
                .path("revision");
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(screen(SCREENED))
                .post("/matters/" + matter + "/screens")
                .then()
                .statusCode(200)
                .body("revision", equalTo(revision));
        List<JsonNode> screens = MatterFixture.events(matter, EventType.ETHICAL_SCREEN_ADDED, 1, Topic.MATTER);
        assertEquals(1, screens.size(), "screening a screened user again adds no event");
        assertEquals(SCREENED, screens.get(0).get("user").asText());
        assertEquals("admin.user", screens.get(0).get("screenedBy").asText());

        for (String path :
                List.of("/matters/" + matter, "/matters/" + matter + "/events", "/matters/" + matter + "/time.ledes")) {
            notFound(SCREENED_PM, path);
        }
        given().auth()
                .oauth2(SCREENED_PM)
                .contentType(ContentType.JSON)
                .body("{\"summary\":\"Weekly update\"}")
                .post("/matters/" + matter + "/status-updates")
                .then()
                .statusCode(404);
        given().auth().oauth2(SCREENED_PM).get("/matters").then().body("matterId", not(hasItem(matter.toString())));
        given().auth()
                .oauth2(SCREENED_PM)
                .get("/matters?number=" + number)
                .then()
                .body("", empty());
        given().auth()
                .oauth2(SCREENED_PM)
                .get("/matters?externalId=billing:" + billingId)
                .then()
                .body("", empty());
        String another = file(fee().with(LedesField.LAW_FIRM_MATTER_ID, billingId)
                .with(LedesField.INVOICE_NUMBER, "INV-" + UUID.randomUUID())
                .line());
        importFile(SCREENED_PM, another)
                .then()
                .statusCode(200)
                .body("imported", equalTo(0))
                .body("errors.field", contains("LAW_FIRM_MATTER_ID"));
        given().auth()
                .oauth2(OWN_TEAM)
                .get("/matters/" + matter)
                .then()
                .statusCode(200)
                .body("screenedUsers", contains(SCREENED));

        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Globex engagement ended\"}")
                .post("/matters/" + matter + "/screens/" + SCREENED + "/lift")
                .then()
                .statusCode(200)
                .body("screenedUsers", empty());
        MatterFixture.events(matter, EventType.ETHICAL_SCREEN_LIFTED, 1, Topic.MATTER);
        given().auth().oauth2(SCREENED_PM).get("/matters/" + matter).then().statusCode(200);
        given().auth()
                .oauth2(SCREENED_PM)
                .get("/matters?number=" + number)
                .then()
                .body("matterId", contains(matter.toString()));
    }

    private static Response importFile(String token, String ledes) {
        return given().auth()
                .oauth2(token)
                .contentType("application/vnd.ledes.1998b")
                .body(ledes.getBytes(StandardCharsets.UTF_8))
                .post("/time-imports");
    }

    private static String screen(String user) {
        return "{\"user\":\"" + user + "\",\"reason\":\"Acted for Globex in 2024\"}";
    }

    private static void notFound(String token, String path) {
        given().auth()
                .oauth2(token)
                .get(path)
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:lanes:problem:not-found"));
    }
}
