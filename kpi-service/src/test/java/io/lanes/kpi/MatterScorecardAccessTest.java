package io.lanes.kpi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.lanes.contracts.matter.Budget;
import io.lanes.contracts.matter.EthicalScreenAdded;
import io.lanes.contracts.matter.EthicalScreenLifted;
import io.lanes.contracts.matter.HandoffAccepted;
import io.lanes.contracts.matter.HandoffReceived;
import io.lanes.contracts.matter.PhaseAmount;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfraResource;
import io.lanes.testing.TopicWriter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The KPI matter view is shown only to whom matter-service would show the matter: the matter's team,
 * leadership, and nobody an ethical screen walls off it (screens arrive as events over the real broker).
 */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class MatterScorecardAccessTest {

    private static final String TEAM = "litigation-east";
    private static final String SCREENED = "d.kim";

    @Test
    void onlyTheMattersTeamAndLeadershipSeeItAndAScreenWallsAUserOff() {
        UUID matter = UUID.randomUUID();
        UUID intake = UUID.randomUUID();
        Instant at = Instant.parse("2026-03-02T10:00:00Z");
        try (TopicWriter writer = TopicWriter.of()) {
            writer.publish(new HandoffReceived(matter, intake, 1, "litigation", "commercial-litigation", TEAM, at), 1);
            writer.publish(
                    new HandoffAccepted(
                            matter,
                            "2026-00007",
                            intake,
                            at.minusSeconds(3_600),
                            "p.patel",
                            "litigation",
                            "commercial-litigation",
                            TEAM,
                            "a.chen",
                            1,
                            true,
                            "USD",
                            new Budget(
                                    new BigDecimal("1000.00"),
                                    List.of(new PhaseAmount("L100", new BigDecimal("1000.00")))),
                            List.of(),
                            List.of(),
                            LocalDate.parse("2026-06-30"),
                            List.of(),
                            at.plusSeconds(60)),
                    2);
        }
        String ownTeam = DevTokens.forTeams("l.ortiz", "pm", TEAM);
        String firmWide = DevTokens.forUser(SCREENED, "pm");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status(ownTeam, matter) == 200);

        given().auth()
                .oauth2(ownTeam)
                .get("/matters/" + matter + "/scorecard")
                .then()
                .body("matterNumber", equalTo("2026-00007"))
                .body("team", equalTo(TEAM));
        given().auth()
                .oauth2(DevTokens.forTeams("e.stone", "pm", "employment"))
                .get("/matters/" + matter + "/scorecard")
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:lanes:problem:not-found"));
        given().auth()
                .oauth2(DevTokens.mint("no.teams", List.of("pm"), List.of(), Duration.ofHours(1)))
                .get("/matters/" + matter + "/scorecard")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(DevTokens.forTeams("m.lee", "leadership"))
                .get("/matters/" + matter + "/scorecard")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(firmWide)
                .get("/matters/" + matter + "/scorecard")
                .then()
                .statusCode(200);

        try (TopicWriter writer = TopicWriter.of()) {
            writer.publish(
                    new EthicalScreenAdded(matter, SCREENED, "Acted for Globex", "admin.user", at.plusSeconds(120)), 3);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status(firmWide, matter) == 404);
        given().auth()
                .oauth2(ownTeam)
                .get("/matters/" + matter + "/scorecard")
                .then()
                .statusCode(200);

        try (TopicWriter writer = TopicWriter.of()) {
            writer.publish(
                    new EthicalScreenLifted(matter, SCREENED, "Globex matter ended", "admin.user", at.plusSeconds(180)),
                    4);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status(firmWide, matter) == 200);
    }

    private static int status(String token, UUID matter) {
        return given().auth()
                .oauth2(token)
                .get("/matters/" + matter + "/scorecard")
                .statusCode();
    }
}
