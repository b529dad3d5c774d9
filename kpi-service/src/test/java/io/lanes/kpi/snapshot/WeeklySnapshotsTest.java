package io.lanes.kpi.snapshot;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lanes.kpi.scorecard.ReportSchedule;
import io.lanes.platform.time.ClockTravelled;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.LanesInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.event.Event;
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

    @Inject
    Event<ClockTravelled> travelled;

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

    @Test
    void aClockMovedBackOwesTheSnapshotsFromThereAtOnce() throws Exception {
        Instant june = Instant.parse("2026-06-10T09:00:00Z");
        travelled.fire(new ClockTravelled(june));
        assertEquals(
                Instant.parse("2026-06-15T06:00:00Z").toEpochMilli(),
                LanesInfra.get()
                        .database()
                        .queryLong("SELECT (extract(epoch FROM first_slot) * 1000)::bigint FROM kpi_snapshot_schedule"),
                "the first Monday 06:00 after the moment");
    }
}
