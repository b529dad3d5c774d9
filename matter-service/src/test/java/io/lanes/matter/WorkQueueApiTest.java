package io.lanes.matter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PM work queue over real PostgreSQL and Kafka: what needs the PM now across matters, late first;
 * only matters the PM may see.
 */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class WorkQueueApiTest {

    private static final String MATTER_TYPE =
            "work-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String TEAM = "litigation-east";
    private static final String PM_USER = "w-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String PM = DevTokens.forTeams(PM_USER, "pm", TEAM);

    @BeforeAll
    static void playbookPublishedEarlier() {
        MatterFixture.publishPlaybook(MATTER_TYPE);
    }

    @Test
    void listingsComeAPageAtATimeWithTheirTotal() {
        String pmUser = "p-" + UUID.randomUUID().toString().substring(0, 8);
        String pm = DevTokens.forTeams(pmUser, "pm", TEAM);
        for (int i = 0; i < 3; i++) {
            MatterFixture.openMatter(MATTER_TYPE, new BigDecimal("1000.00"), pm);
        }
        given().auth()
                .oauth2(pm)
                .get("/matters?assignee=" + pmUser + "&size=2")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "3")
                .header("Link", containsString("page=1"))
                .body("size()", equalTo(2))
                .body("acceptedBy", everyItem(equalTo(pmUser)));
        given().auth()
                .oauth2(pm)
                .get("/matters?assignee=" + pmUser + "&size=2&page=1")
                .then()
                .header("X-Total-Count", "3")
                .header("Link", nullValue())
                .body("size()", equalTo(1));
        given().auth()
                .oauth2(DevTokens.forTeams("e.stone", "pm", "employment"))
                .get("/matters?assignee=" + pmUser)
                .then()
                .header("X-Total-Count", "0")
                .body("size()", equalTo(0));
        given().auth()
                .oauth2(pm)
                .get("/handoffs?status=OPEN&team=" + TEAM + "&size=1")
                .then()
                .statusCode(200)
                .header("X-Total-Count", notNullValue())
                .body("size()", equalTo(1));
        for (String bad : List.of("size=0", "size=101", "page=-1", "status=PENDING")) {
            String field = bad.substring(0, bad.indexOf('='));
            given().auth()
                    .oauth2(pm)
                    .get("/matters?" + bad)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(field));
        }
    }

    @Test
    void whatNeedsThePmNowLateFirstAndOnlyWhatTheyMaySee() {
        UUID pending = MatterFixture.handoff(MATTER_TYPE, new BigDecimal("5000.00"));
        UUID matter = MatterFixture.openMatter(MATTER_TYPE, new BigDecimal("5000.00"), PM);
        String number = given().auth().oauth2(PM).get("/matters/" + matter).path("matterNumber");
        LocalDate today = MatterFixture.today();
        String task = given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"title\":\"Collect the contracts\",\"assignee\":\"" + PM_USER + "\",\"dueDate\":\""
                        + today.minusDays(1) + "\"}")
                .post("/matters/" + matter + "/tasks")
                .then()
                .statusCode(201)
                .extract()
                .path("tasks.find { it.title == 'Collect the contracts' }.id");
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"timekeeper\":\"a.chen\",\"timekeeperRole\":\"ATTORNEY\",\"workDate\":\"" + today
                        + "\",\"hours\":3,\"amount\":1300,\"phase\":\"L100\",\"billable\":true,\"admin\":false}")
                .post("/matters/" + matter + "/time-entries")
                .then()
                .statusCode(201)
                .body("openEscalations[0].assignedTo", equalTo(PM_USER));

        // The escalation first, then the late task, the milestone due within 14 days (8 business
        // days out, 12 days at most from a Saturday), and the team's pending handoff; the milestone 25 business days
        // out is not yet work.
        given().auth()
                .oauth2(PM)
                .get("/work")
                .then()
                .statusCode(200)
                .body("findAll { it.kind != 'HANDOFF' }.kind", contains("ESCALATION", "TASK", "MILESTONE"))
                .body("[3].kind", equalTo("HANDOFF"))
                .body("[0].title", equalTo("CRITICAL BUDGET_VARIANCE (L100)"))
                .body("[0].matterNumber", equalTo(number))
                .body("[1].itemId", equalTo(task))
                .body("[1].overdue", equalTo(true))
                .body("[2].title", equalTo("Initial case assessment"))
                .body("findAll { it.kind == 'HANDOFF' }.matterId", hasItem(pending.toString()))
                .body("findAll { it.kind == 'HANDOFF' }.overdue", everyItem(equalTo(false)));

        given().auth()
                .oauth2(DevTokens.forTeams("e.stone", "pm", "employment"))
                .get("/work")
                .then()
                .statusCode(200)
                .body("matterId", not(hasItem(pending.toString())));
        given().auth()
                .oauth2(DevTokens.forTeams("m.lee", "leadership"))
                .get("/work?assignee=" + PM_USER)
                .then()
                .statusCode(200)
                .body("kind", contains("ESCALATION", "TASK", "MILESTONE"));
        given().auth()
                .oauth2(PM)
                .get("/work?assignee=l.ortiz")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:lanes:problem:forbidden"));
        given().auth().oauth2(DevTokens.forRole("intake")).get("/work").then().statusCode(403);

        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/matters/" + matter + "/tasks/" + task + "/complete")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(PM)
                .get("/work")
                .then()
                .body("findAll { it.kind != 'HANDOFF' }.kind", contains("ESCALATION", "MILESTONE"));

        given().auth()
                .oauth2(DevTokens.forUser("admin.user", "admin"))
                .contentType(ContentType.JSON)
                .body("{\"user\":\"" + PM_USER + "\",\"reason\":\"Conflict found\"}")
                .post("/matters/" + matter + "/screens")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(PM)
                .get("/work")
                .then()
                .body("kind", everyItem(equalTo("HANDOFF")))
                .body("matterId", hasItem(pending.toString()))
                .body("matterId", not(hasItem(matter.toString())));
    }
}
