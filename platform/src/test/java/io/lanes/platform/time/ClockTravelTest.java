package io.lanes.platform.time;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lanes.platform.api.ClockResource;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.problem.ProblemType;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The clock a local demo moves: an admin sets it to a moment and it runs on from there (every "now" of
 * the service with it), then back; other roles cannot; the prod profile refuses to start with it, and
 * where it does not travel the endpoint is not there.
 */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class ClockTravelTest {

    private static final String ADMIN = DevTokens.forRole("admin");

    @Inject
    Clock clock;

    @Inject
    TravelWitness witness;

    /** Observes what the clock resource tells the service's other beans. */
    @Singleton
    static class TravelWitness {
        final List<Instant> travels = new CopyOnWriteArrayList<>();

        void travelled(@Observes ClockTravelled travelled) {
            travels.add(travelled.to());
        }
    }

    @Test
    void anAdminSetsTheClockToAMomentItRunsOnFromThereAndComesBack() {
        Instant march = Instant.parse("2026-03-02T09:00:00Z");
        try {
            given().auth()
                    .oauth2(ADMIN)
                    .contentType(ContentType.JSON)
                    .body("{\"to\":\"" + march + "\"}")
                    .post("/admin/clock")
                    .then()
                    .statusCode(200)
                    .body("now", containsString("2026-03-02T09:00"));
            assertEquals(
                    march, witness.travels.get(witness.travels.size() - 1), "observers learn of it before the answer");
            Duration ahead = Duration.between(march, clock.instant());
            assertTrue(!ahead.isNegative() && ahead.toSeconds() < 30, "the service's clock reads it: " + ahead);
            given().auth()
                    .oauth2(ADMIN)
                    .get("/admin/clock")
                    .then()
                    .statusCode(200)
                    .body("offset", startsWith("PT-"));
        } finally {
            given().auth()
                    .oauth2(ADMIN)
                    .delete("/admin/clock")
                    .then()
                    .statusCode(200)
                    .body("offset", equalTo("PT0S"));
        }
        assertTrue(Duration.between(clock.instant(), Instant.now()).abs().toSeconds() < 5);
    }

    @Test
    void onlyAnAdminMovesItAndOnlyToAMoment() {
        given().auth()
                .oauth2(DevTokens.forRole("leadership"))
                .contentType(ContentType.JSON)
                .body("{\"to\":\"2026-03-02T09:00:00Z\"}")
                .post("/admin/clock")
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/admin/clock")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/admin/clock")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("to"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"to\":\"next tuesday\"}")
                .post("/admin/clock")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theProdProfileRefusesATravellingClockAndElsewhereTheClockIsTheSystems() {
        IllegalStateException refused = assertThrows(
                IllegalStateException.class, () -> ClockProducer.clock(ZoneId.of("UTC"), true, List.of("prod")));
        assertTrue(refused.getMessage().contains("lanes.clock.travel"), refused.getMessage());
        assertInstanceOf(TravellingClock.class, ClockProducer.clock(ZoneId.of("UTC"), true, List.of("local")));
        Clock system = ClockProducer.clock(ZoneId.of("America/New_York"), false, List.of("prod"));
        assertEquals(Clock.system(ZoneId.of("America/New_York")), system);
        ProblemException absent = assertThrows(ProblemException.class, () -> new ClockResource(system, null).read());
        assertEquals(ProblemType.NOT_FOUND, absent.type());
    }
}
