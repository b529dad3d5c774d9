package io.lanes.kpi;

import static io.restassured.RestAssured.given;

import io.lanes.contracts.CloudEvent;
import io.lanes.contracts.CloudEventCodec;
import io.lanes.contracts.EventType;
import io.lanes.contracts.LanesEvent;
import io.lanes.contracts.MatterIds;
import io.lanes.contracts.Routing;
import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.matter.Budget;
import io.lanes.contracts.matter.ClientFeedbackRecorded;
import io.lanes.contracts.matter.HandoffAccepted;
import io.lanes.contracts.matter.HandoffReceived;
import io.lanes.contracts.matter.MatterClosed;
import io.lanes.contracts.matter.MilestoneCompleted;
import io.lanes.contracts.matter.PhaseAmount;
import io.lanes.contracts.matter.PlannedMilestone;
import io.lanes.contracts.matter.StatusUpdateSent;
import io.lanes.contracts.matter.TaskAssigned;
import io.lanes.contracts.matter.TaskCompleted;
import io.lanes.contracts.matter.TimeRecorded;
import io.lanes.contracts.matter.TimekeeperRole;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.LanesInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Projection catch-up and rebuild throughput for N = 200,000 synthetic events (10,000 matters of 20
 * events each over 2024), printed as a JSON line. Not part of the default test run:
 * {@code ./mvnw -B -pl kpi-service -am verify -Pbenchmark}.
 */
@Tag("benchmark")
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class KpiProjectionBenchmark {

    private static final Logger LOG = Logger.getLogger(KpiProjectionBenchmark.class);
    private static final int MATTERS = 10_000;
    private static final int EVENTS_PER_MATTER = 20;
    private static final int EVENTS = MATTERS * EVENTS_PER_MATTER;

    /** One of the synthetic matters, for the one-matter scorecard's timing. */
    private UUID sampleMatter;

    @Test
    void catchUpAndRebuildOf200kEvents() {
        long start = System.nanoTime();
        publish();
        double publishSeconds = seconds(start);
        Awaitility.await()
                .atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> facts() >= EVENTS);
        double catchUpSeconds = seconds(start);

        String admin = DevTokens.forRole("admin");
        long queryStart = System.nanoTime();
        given().auth()
                .oauth2(DevTokens.forRole("leadership"))
                .get("/scorecards/pm?from=2024-06-01&to=2024-07-01")
                .then()
                .statusCode(200);
        double monthQuerySeconds = seconds(queryStart);
        queryStart = System.nanoTime();
        given().auth()
                .oauth2(DevTokens.forRole("leadership"))
                .get("/scorecards/ops/trend?interval=month&from=2024-01-01&to=2025-01-01")
                .then()
                .statusCode(200);
        double yearTrendSeconds = seconds(queryStart);
        queryStart = System.nanoTime();
        given().auth()
                .oauth2(DevTokens.forRole("leadership"))
                .get("/scorecards/ops?from=2024-06-01&to=2024-07-01")
                .then()
                .statusCode(200);
        double opsMonthSeconds = seconds(queryStart);
        queryStart = System.nanoTime();
        given().auth()
                .oauth2(DevTokens.forRole("pm"))
                .get("/matters/" + sampleMatter + "/scorecard")
                .then()
                .statusCode(200);
        double matterSeconds = seconds(queryStart);

        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body("{}")
                .post("/projection/rebuild")
                .then()
                .statusCode(202);
        Awaitility.await()
                .atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> "SWAPPED"
                        .equals(given().auth()
                                .oauth2(admin)
                                .get("/projection/rebuild")
                                .jsonPath()
                                .getString("state")));
        double rebuildPerSecond = given().auth()
                .oauth2(admin)
                .get("/projection/rebuild")
                .jsonPath()
                .getDouble("eventsPerSecond");

        LOG.infof(
                "BENCHMARK {\"benchmark\":\"kpi-projection\",\"events\":%d,\"publishSeconds\":%.1f,"
                        + "\"catchUpSeconds\":%.1f,\"catchUpEventsPerSecond\":%.0f,\"rebuildEventsPerSecond\":%.0f,"
                        + "\"pmScorecardMonthSeconds\":%.2f,\"opsScorecardMonthSeconds\":%.2f,"
                        + "\"opsTrendYearByMonthSeconds\":%.2f,\"matterScorecardSeconds\":%.2f,\"factsAfterRebuild\":%d}",
                EVENTS,
                publishSeconds,
                catchUpSeconds,
                EVENTS / catchUpSeconds,
                rebuildPerSecond,
                monthQuerySeconds,
                opsMonthSeconds,
                yearTrendSeconds,
                matterSeconds,
                facts());
    }

    private static long facts() {
        return LanesInfra.get().database().queryLong("SELECT count(*) FROM kpi_fact");
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private void publish() {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        LanesInfra.get().kafka().bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        20,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        256 * 1024),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (int m = 0; m < MATTERS; m++) {
                List<LanesEvent> events = matter(m);
                sampleMatter = ((HandoffAccepted) events.get(2)).matterId();
                for (int i = 0; i < events.size(); i++) {
                    LanesEvent event = events.get(i);
                    producer.send(CloudEventCodec.toRecord(
                            EventType.of(event).topic().topicName(),
                            CloudEvent.of(event, UUID.randomUUID(), event instanceof IntakeComplete ? 1 : i)));
                }
            }
            producer.flush();
        }
    }

    /** One synthetic matter: intake, handoff, plan, work, updates, feedback, close: 20 events. */
    private static List<LanesEvent> matter(int n) {
        UUID intake = UUID.randomUUID();
        UUID matter = MatterIds.fromIntake(intake);
        String type = n % 2 == 0 ? "construction-claim" : "lease-review";
        String area = n % 2 == 0 ? "construction" : "real-estate";
        String team = "team-" + (n % 5);
        String attorney = "attorney-" + (n % 40);
        Instant received = Instant.parse("2024-01-01T08:00:00Z").plus(Duration.ofMinutes(50L * n));
        LocalDate opened = LocalDate.ofInstant(received, ZoneOffset.UTC).plusDays(1);
        Instant openedAt = received.plus(Duration.ofHours(20 + n % 50));
        UUID m1 = UUID.randomUUID();
        UUID m2 = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        List<LanesEvent> events = new ArrayList<>();
        events.add(new IntakeComplete(
                intake,
                type,
                area,
                "Matter " + n,
                new IntakeComplete.Client("Client " + n, IntakeComplete.ClientKind.ORGANIZATION, null),
                Map.of(),
                List.of(),
                List.of(),
                null,
                "EUR",
                new Routing(team, attorney),
                received,
                1 + n % 3,
                1,
                "intake",
                received.plusSeconds(3600)));
        events.add(new HandoffReceived(matter, intake, 1, area, type, team, received.plusSeconds(3601)));
        events.add(new HandoffAccepted(
                matter,
                null,
                intake,
                received,
                "pm",
                area,
                type,
                team,
                attorney,
                1,
                n % 4 != 0,
                "EUR",
                new Budget(new BigDecimal("10000"), List.of(new PhaseAmount("L100", new BigDecimal("10000")))),
                List.of(
                        new PlannedMilestone(m1, "pleadings", "Pleadings", opened.plusDays(10), "pm", "L100", false),
                        new PlannedMilestone(m2, "filing", "Filing", opened.plusDays(20), "pm", "L200", true)),
                opened.plusDays(40),
                List.of(),
                openedAt));
        events.add(new MilestoneCompleted(
                matter,
                m1,
                opened.plusDays(10),
                opened.plusDays(9 + n % 3),
                n % 3 < 2,
                false,
                at(opened.plusDays(9 + n % 3))));
        events.add(new MilestoneCompleted(
                matter, m2, opened.plusDays(20), opened.plusDays(20), true, true, at(opened.plusDays(20))));
        events.add(new TaskAssigned(matter, task, m1, "Draft", attorney, opened.plusDays(5), at(opened.plusDays(1))));
        events.add(new TaskCompleted(
                matter,
                task,
                attorney,
                opened.plusDays(5),
                opened.plusDays(4 + n % 3),
                n % 3 < 2,
                at(opened.plusDays(4 + n % 3))));
        events.add(new StatusUpdateSent(
                matter,
                UUID.randomUUID(),
                opened.plusDays(14),
                opened.plusDays(14),
                true,
                "On plan",
                at(opened.plusDays(14))));
        events.add(new StatusUpdateSent(
                matter,
                UUID.randomUUID(),
                opened.plusDays(28),
                opened.plusDays(29),
                false,
                "Late",
                at(opened.plusDays(29))));
        for (int t = 0; t < 9; t++) {
            LocalDate work = opened.plusDays(1 + t * 3);
            events.add(new TimeRecorded(
                    matter,
                    UUID.randomUUID(),
                    attorney,
                    TimekeeperRole.ATTORNEY,
                    work,
                    new BigDecimal("3.5"),
                    new BigDecimal("1050"),
                    "L100",
                    null,
                    null,
                    t != 4,
                    t == 4,
                    null,
                    null,
                    at(work).plus(Duration.ofHours(10 + t * 3))));
        }
        events.add(new ClientFeedbackRecorded(matter, UUID.randomUUID(), 3 + n % 3, null, at(opened.plusDays(40))));
        events.add(new MatterClosed(
                matter,
                opened,
                opened.plusDays(40),
                opened.plusDays(38 + n % 5),
                "SETTLED",
                at(opened.plusDays(38 + n % 5)).plusSeconds(60)));
        return events;
    }

    private static Instant at(LocalDate date) {
        return date.atTime(17, 0).toInstant(ZoneOffset.UTC);
    }
}
