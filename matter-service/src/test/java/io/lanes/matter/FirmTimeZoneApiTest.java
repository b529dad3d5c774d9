package io.lanes.matter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.contracts.EventType;
import io.lanes.contracts.Topic;
import io.lanes.platform.time.TravellingClock;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The firm's days, not UTC's: the tests' firm is in New York, where 20:30 is already the next day in
 * UTC. What a PM does that evening happens on the firm's date, and a date that has not come yet in New
 * York, or that is before the matter was opened, is refused.
 */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class FirmTimeZoneApiTest {

    private static final String MATTER_TYPE = "firm-zone";
    private static final String PM = DevTokens.forUser("p.patel", "pm");
    private static final String PROBLEM = "application/problem+json";

    @Inject
    TravellingClock clock;

    @BeforeAll
    static void playbook() {
        MatterFixture.publishPlaybook(MATTER_TYPE);
    }

    @Test
    void workDoneAt2030InNewYorkCountsOnNewYorksDate() {
        UUID matter = MatterFixture.openMatter(MATTER_TYPE, new BigDecimal("10000.00"));
        LocalDate openedOn = LocalDate.parse(given().auth()
                .oauth2(PM)
                .get("/matters/" + matter)
                .then()
                .extract()
                .path("openedOn"));
        String milestone = given().auth()
                .oauth2(PM)
                .get("/matters/" + matter)
                .then()
                .extract()
                .path("milestones.find { it.name == 'Initial case assessment' }.id");

        // The next 20:30 in New York, forward in time so the matter's events stay in order.
        ZonedDateTime now = ZonedDateTime.now(MatterFixture.firmZone());
        ZonedDateTime evening = now.with(LocalTime.of(20, 30));
        if (evening.isBefore(now)) {
            evening = evening.plusDays(1);
        }
        LocalDate newYorkDate = evening.toLocalDate();
        assertNotEquals(newYorkDate, evening.withZoneSameInstant(ZoneOffset.UTC).toLocalDate());

        clock.travelTo(evening.toInstant());
        try {
            given().auth()
                    .oauth2(PM)
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .post("/matters/" + matter + "/milestones/" + milestone + "/complete")
                    .then()
                    .statusCode(200)
                    .body(
                            "milestones.find { it.id == '" + milestone + "' }.completedOn",
                            equalTo(newYorkDate.toString()));
            JsonNode completed = MatterFixture.events(matter, EventType.MILESTONE_COMPLETED, 1, Topic.MATTER)
                    .get(0);
            assertEquals(newYorkDate.toString(), completed.get("completedOn").asText());
            Duration sinceEvening = Duration.between(
                    evening.toInstant(),
                    Instant.parse(completed.get("occurredAt").asText()));
            assertTrue(
                    !sinceEvening.isNegative() && sinceEvening.toMinutes() < 5,
                    "the service's clock read 20:30 in New York, not " + completed.get("occurredAt"));

            given().auth()
                    .oauth2(PM)
                    .contentType(ContentType.JSON)
                    .body("{\"summary\":\"Evening update to the general counsel\"}")
                    .post("/matters/" + matter + "/status-updates")
                    .then()
                    .statusCode(201);
            JsonNode sent = MatterFixture.events(matter, EventType.STATUS_UPDATE_SENT, 1, Topic.MATTER)
                    .get(0);
            assertEquals(newYorkDate.toString(), sent.get("sentOn").asText());

            String hold = MatterFixture.litigationHold(matter);
            given().auth()
                    .oauth2(PM)
                    .contentType(ContentType.JSON)
                    .body("{\"completedOn\":\"" + newYorkDate.plusDays(1) + "\"}")
                    .post("/matters/" + matter + "/tasks/" + hold + "/complete")
                    .then()
                    .statusCode(422)
                    .contentType(PROBLEM)
                    .body("rule", equalTo("DATE_IN_FUTURE"))
                    .body("errors.field", hasItem("completedOn"));
            given().auth()
                    .oauth2(PM)
                    .contentType(ContentType.JSON)
                    .body("{\"summary\":\"Backdated\",\"sentOn\":\"" + openedOn.minusDays(1) + "\"}")
                    .post("/matters/" + matter + "/status-updates")
                    .then()
                    .statusCode(422)
                    .contentType(PROBLEM)
                    .body("rule", equalTo("DATE_BEFORE_OPENING"))
                    .body("errors.field", hasItem("sentOn"));
            given().auth()
                    .oauth2(PM)
                    .get("/matters/" + matter)
                    .then()
                    .body("tasks.find { it.id == '" + hold + "' }.completedOn", equalTo(null));
        } finally {
            clock.travelBack();
        }
    }
}
