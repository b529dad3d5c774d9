package io.lanes.kpi.snapshot;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;

import io.lanes.kpi.scorecard.ReportSchedule;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.LanesInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The scheduled check produces every slot due since the schedule began, each once, and late ones as late. */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class WeeklySnapshotsTest {

    @Inject
    WeeklySnapshots snapshots;

    @Inject
    Clock clock;

    @Test
    void aServiceThatWasDownProducesTheMissedSlotLateAndEachSlotOnce() throws Throwable {
        Instant latest = ReportSchedule.latestSlotAtOrBefore(clock.instant());
        Instant missed = latest.atZone(ZoneOffset.UTC).minusWeeks(1).toInstant();
        try (Connection c = LanesInfra.get().database().connect();
                PreparedStatement schedule =
                        c.prepareStatement("INSERT INTO kpi_snapshot_schedule (id, first_slot) VALUES (1, ?) "
                                + "ON CONFLICT (id) DO UPDATE SET first_slot = excluded.first_slot")) {
            schedule.setTimestamp(1, Timestamp.from(missed));
            schedule.executeUpdate();
        }

        VertxContextSupport.subscribeAndAwait(() -> snapshots.produceDue());
        VertxContextSupport.subscribeAndAwait(() -> snapshots.produceDue());

        String from = LocalDate.ofInstant(missed, ZoneOffset.UTC).toString();
        String to = LocalDate.now(clock).plusDays(1).toString();
        given().auth()
                .oauth2(DevTokens.forRole("leadership"))
                .get("/snapshots?from=" + from + "&to=" + to)
                .then()
                .statusCode(200)
                .body("", hasSize(2))
                .body("scheduledFor", contains(latest.toString(), missed.toString()))
                .body("[1].onTime", org.hamcrest.Matchers.equalTo(false));
    }
}
