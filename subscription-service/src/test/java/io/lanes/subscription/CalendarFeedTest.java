package io.lanes.subscription;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.util.ICalDate;
import io.lanes.contracts.matter.EthicalScreenAdded;
import io.lanes.contracts.matter.MilestoneCompleted;
import io.lanes.contracts.matter.MilestoneReplanned;
import io.lanes.contracts.matter.PlannedMilestone;
import io.lanes.subscription.SubscriptionFixture.Matter;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.LanesInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Calendar feeds from the real broker, read with an iCalendar parser other than the one that writes them. */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class CalendarFeedTest {

    private static final String TEAM = "employment-calendar";
    private static final String PM = DevTokens.forTeams("c.lee", "pm", TEAM);
    private static final LocalDate DUE = LocalDate.parse("2027-03-01");

    private static PlannedMilestone milestone(String name, LocalDate due, String owner, boolean hard) {
        return new PlannedMilestone(UUID.randomUUID(), null, name, due, owner, "L100", hard);
    }

    private static void awaitMilestones(Matter matter, int count) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> LanesInfra.get()
                                .database()
                                .queryLong("SELECT count(*) FROM calendar_milestone WHERE matter_id = ?", matter.id)
                        == count);
    }

    /** Creates a feed; the path of its URL. */
    private static String feed(String token, Map<String, String> request) {
        String url = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(request)
                .when()
                .post("/calendars")
                .then()
                .statusCode(201)
                .body("url", containsString("/calendars/"))
                .extract()
                .path("url");
        return URI.create(url).getPath();
    }

    private static ICalendar fetch(String path) {
        String text = given().when()
                .get(path)
                .then()
                .statusCode(200)
                .contentType(containsString("text/calendar"))
                .extract()
                .asString();
        assertTrue(text.startsWith("BEGIN:VCALENDAR\r\n"), "CRLF line endings");
        return Biweekly.parse(text).first();
    }

    private static VEvent event(ICalendar calendar, UUID milestone) {
        return calendar.getEvents().stream()
                .filter(e -> e.getUid().getValue().equals(milestone.toString()))
                .findFirst()
                .orElse(null);
    }

    private static LocalDate day(ICalDate date) {
        assertTrue(!date.hasTime(), "an all-day event");
        return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }

    @Test
    void milestonesAreAllDayEventsAndAReplanRaisesTheSequence() {
        Matter matter = new Matter("employment-dispute", TEAM);
        PlannedMilestone pleadings = milestone("Pleadings", DUE, "associate", false);
        PlannedMilestone limitation = milestone("Limitation date", DUE.plusDays(10), "partner", true);
        matter.accept("c.lee", pleadings, limitation);
        awaitMilestones(matter, 2);
        String path = feed(PM, Map.of());

        ICalendar before = fetch(path);
        VEvent planned = event(before, pleadings.milestoneId());
        assertEquals(DUE, day(planned.getDateStart().getValue()));
        assertEquals(DUE.plusDays(1), day(planned.getDateEnd().getValue()));
        assertEquals(0, planned.getSequence().getValue());
        assertEquals("Pleadings — " + matter.number(), planned.getSummary().getValue());
        VEvent hard = event(before, limitation.milestoneId());
        assertEquals(
                "Hard deadline: Limitation date — " + matter.number(),
                hard.getSummary().getValue());
        assertTrue(hard.getCategories().get(0).getValues().contains("HARD-DEADLINE"));
        assertEquals(1, hard.getPriority().getValue());

        matter.publish(new MilestoneReplanned(
                matter.id, pleadings.milestoneId(), DUE, DUE.plusDays(7), "client delay", "c.lee", Instant.now()));
        matter.publish(new MilestoneCompleted(
                matter.id, limitation.milestoneId(), DUE.plusDays(10), DUE.plusDays(9), true, true, Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> event(fetch(path), limitation.milestoneId())
                        .getSummary()
                        .getValue()
                        .startsWith("✓"));

        ICalendar after = fetch(path);
        VEvent replanned = event(after, pleadings.milestoneId());
        assertEquals(DUE.plusDays(7), day(replanned.getDateStart().getValue()));
        assertEquals(1, replanned.getSequence().getValue(), "a replan raises the SEQUENCE");
        assertTrue(event(after, limitation.milestoneId())
                .getDescription()
                .getValue()
                .contains("Completed on"));
    }

    @Test
    void aFeedShowsItsOwnersTeamsWithoutScreenedMattersNarrowedToAnAssignee() {
        Matter mine = new Matter("employment-dispute", TEAM);
        Matter otherTeam = new Matter("employment-dispute", "employment-elsewhere");
        Matter screened = new Matter("employment-dispute", TEAM);
        PlannedMilestone ownedByKim = milestone("Witness list", DUE, "d.kim", false);
        PlannedMilestone ownedByRay = milestone("Expert report", DUE, "r.ray", false);
        mine.accept("c.lee", ownedByKim, ownedByRay);
        otherTeam.accept("someone.else", milestone("Elsewhere", DUE, "d.kim", false));
        screened.publish(new EthicalScreenAdded(screened.id, "c.lee", "Former client", "admin", Instant.now()));
        screened.accept("c.lee", milestone("Walled off", DUE, "d.kim", false));
        awaitMilestones(mine, 2);
        awaitMilestones(otherTeam, 1);
        awaitMilestones(screened, 1);

        ICalendar kims = fetch(feed(PM, Map.of("assignee", "d.kim")));

        assertEquals(
                List.of(ownedByKim.milestoneId().toString()),
                kims.getEvents().stream().map(e -> e.getUid().getValue()).toList());
    }

    @Test
    void aRevokedOrUnknownFeedIsNotFound() {
        String path = feed(PM, Map.of("team", TEAM));
        String id = given().auth()
                .oauth2(PM)
                .when()
                .get("/calendars")
                .then()
                .statusCode(200)
                .body("url", everyItem(nullValue()))
                .extract()
                .path("find { it.team == '" + TEAM + "' }.id");

        given().auth()
                .oauth2(DevTokens.forUser("someone.else", "pm"))
                .when()
                .delete("/calendars/{id}", id)
                .then()
                .statusCode(404);
        given().auth().oauth2(PM).when().delete("/calendars/{id}", id).then().statusCode(204);

        given().when().get(path).then().statusCode(404).contentType("application/problem+json");
        given().when().get("/calendars/not-a-token.ics").then().statusCode(404);
    }

    @Test
    void badInputAndRoles() {
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body(Map.of("team", "t".repeat(101)))
                .when()
                .post("/calendars")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("team"));
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/calendars")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(DevTokens.forRole("intake"))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/calendars")
                .then()
                .statusCode(403);
    }
}
