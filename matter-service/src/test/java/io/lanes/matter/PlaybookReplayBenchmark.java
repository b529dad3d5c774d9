package io.lanes.matter;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.contracts.EventJson;
import io.lanes.contracts.MatterIds;
import io.lanes.contracts.Routing;
import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.intake.IntakeComplete.ChecklistEntry;
import io.lanes.contracts.intake.IntakeComplete.Client;
import io.lanes.contracts.intake.IntakeComplete.ClientKind;
import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.matter.TimekeeperRole;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.contracts.opsconfig.PlaybookPublished.BudgetPhase;
import io.lanes.contracts.opsconfig.PlaybookPublished.ChecklistItem;
import io.lanes.contracts.opsconfig.PlaybookPublished.EscalationPath;
import io.lanes.contracts.opsconfig.PlaybookPublished.EscalationStep;
import io.lanes.contracts.opsconfig.PlaybookPublished.MilestoneTemplate;
import io.lanes.contracts.opsconfig.PlaybookPublished.TaskTemplate;
import io.lanes.contracts.opsconfig.PlaybookPublished.Thresholds;
import io.lanes.eventstore.EventCodec;
import io.lanes.eventstore.EventMetadata;
import io.lanes.eventstore.NewEvent;
import io.lanes.matter.config.MatterConfig;
import io.lanes.matter.domain.BusinessCalendar;
import io.lanes.matter.domain.EscalationRoutes;
import io.lanes.matter.domain.LiveHistory;
import io.lanes.matter.domain.MatterCommand;
import io.lanes.matter.domain.MatterCommand.AcceptHandoff;
import io.lanes.matter.domain.MatterCommand.CloseMatter;
import io.lanes.matter.domain.MatterCommand.CompleteMilestone;
import io.lanes.matter.domain.MatterCommand.CompleteTask;
import io.lanes.matter.domain.MatterCommand.RecordTime;
import io.lanes.matter.domain.MatterCommand.SendStatusUpdate;
import io.lanes.matter.domain.MatterInternalEvent;
import io.lanes.matter.domain.Milestone;
import io.lanes.matter.domain.Recorded;
import io.lanes.matter.domain.Task;
import io.lanes.matter.service.MatterService;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfraResource;
import io.lanes.testing.MachineBaselines;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A draft replayed over 1,000 matters accepted across a year (a matter every 8 h 45 min), each lived by
 * the live decider under version 1 (time most business days, milestones and tasks done around their dates,
 * status updates every two weeks or so, detection daily, closed some days after the last milestone) and
 * stored as matter-service stores them: printed as one {@code BENCHMARK {...}} JSON line with the machine's
 * raw baselines of the same run. Not part of the default test run:
 * {@code ./mvnw -B -pl matter-service verify -Pbenchmark}. {@code -Dlanes.bench.matters=N} changes the firm.
 */
@Tag("benchmark")
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class PlaybookReplayBenchmark {

    private static final Logger LOG = Logger.getLogger(PlaybookReplayBenchmark.class);
    private static final int MATTERS = Integer.getInteger("lanes.bench.matters", 1_000);
    private static final String MATTER_TYPE = "benchmark-litigation";
    private static final long MINUTES_BETWEEN_MATTERS = 525;
    private static final int RUNS = 3;
    private static final Thresholds VERSION_1 =
            new Thresholds(new BigDecimal("80"), new BigDecimal("100"), 2, 14, 24, null, null);
    private static final Thresholds CANDIDATE =
            new Thresholds(new BigDecimal("70"), new BigDecimal("95"), 0, 14, 24, null, null);

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    MatterConfig config;

    @Test
    void aDraftReplayedOverAYearOfAThousandMatters() throws Exception {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.minusDays(372);
        PlaybookPublished v1 = playbook(1, VERSION_1, "teamLead");
        long start = System.nanoTime();
        long events = store(v1, from, today, zone);
        ObjectNode result = EventJson.mapper()
                .createObjectNode()
                .put("benchmark", "playbook-replay")
                .put("matters", MATTERS)
                .put("events", events)
                .put(
                        "windowDays",
                        from.until(today).getDays() + 365L * from.until(today).getYears() + 1)
                .put("from", from.toString())
                .put("to", today.toString())
                .put("storeSeconds", Math.round(seconds(start) * 10) / 10.0)
                .put("fsync", MachineBaselines.fsync());

        String request = MatterFixture.replayRequest(playbook(2, CANDIDATE, "responsibleAttorney"), from, today)
                .toString();
        double[] runs = new double[RUNS + 1];
        JsonNode report = null;
        for (int i = 0; i <= RUNS; i++) {
            long t = System.nanoTime();
            String body = given().auth()
                    .oauth2(DevTokens.forUser("o.ramirez", "ops"))
                    .contentType(ContentType.JSON)
                    .body(request)
                    .post("/replays")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            runs[i] = seconds(t);
            report = EventJson.mapper().readTree(body);
        }
        assertEquals(MATTERS, report.get("matters").asInt());
        double[] measured = Arrays.copyOfRange(runs, 1, runs.length);
        Arrays.sort(measured);
        result.putObject("replaySeconds")
                .put("first", round2(runs[0]))
                .put("median", round2(measured[measured.length / 2]))
                .put("max", round2(measured[measured.length - 1]));
        result.put("eventsPerSecond", Math.round(events / measured[measured.length / 2]));
        result.put("reproduced", report.get("reproduced").asInt());
        result.putObject("changes")
                .put("milestones", report.get("milestones").size())
                .put("budgetAlerts", report.get("budgetAlerts").size())
                .put("escalations", report.get("escalations").size());
        ObjectNode baselines = result.putObject("baselines");
        baselines.put(
                "pgbenchSingleInsertTps",
                MachineBaselines.pgbenchSingleInsertTps().orElse(null));
        baselines.put(
                "kafkaProducerRecordsPerSecond",
                MachineBaselines.producerPerformance().get("recordsPerSecond"));
        LOG.infof("BENCHMARK %s", result);
    }

    /** Lives every matter and writes its events as matter-service would (no outbox: nothing to publish). */
    private long store(PlaybookPublished v1, LocalDate from, LocalDate today, ZoneId zone) throws Exception {
        EventCodec<Object> codec = MatterInternalEvent.TYPES.withContractEvents();
        EscalationRoutes routes = new EscalationRoutes(v1.escalationPaths(), config.teamLeads());
        BusinessCalendar calendar = new BusinessCalendar(config.holidays().orElse(Set.of()));
        Random random = new Random(42);
        Instant first = from.atTime(9, 0).atZone(zone).toInstant();
        long events = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM lanes_event WHERE stream_type = '" + MatterService.STREAM_TYPE + "'");
            }
            try (PreparedStatement playbook = connection.prepareStatement(
                    "INSERT INTO playbook_version (matter_type, version, body) VALUES (?, 1, ?)"
                            + " ON CONFLICT DO NOTHING")) {
                playbook.setString(1, MATTER_TYPE);
                playbook.setString(2, EventJson.mapper().writeValueAsString(v1));
                playbook.execute();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO lanes_event (stream_id, stream_type, version, event_id, ce_type, data, occurred_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)")) {
                for (int i = 0; i < MATTERS; i++) {
                    Instant accepted = first.plusSeconds(60 * MINUTES_BETWEEN_MATTERS * i);
                    List<Recorded> history = live(i, accepted, today, zone, v1, routes, calendar, random);
                    long version = 0;
                    for (Recorded recorded : history) {
                        NewEvent row = codec.toNew(recorded.event(), EventMetadata.by("benchmark"));
                        insert.setString(1, streamOf(i));
                        insert.setString(2, MatterService.STREAM_TYPE);
                        insert.setLong(3, ++version);
                        insert.setObject(4, row.eventId());
                        insert.setString(5, row.ceType());
                        insert.setString(6, row.data());
                        insert.setTimestamp(7, Timestamp.from(recorded.occurredAt()));
                        insert.addBatch();
                    }
                    events += version;
                    insert.executeBatch();
                    if (i % 100 == 99) {
                        connection.commit();
                    }
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("VACUUM ANALYZE lanes_event");
            }
        }
        return events;
    }

    private static String streamOf(int i) {
        return MatterIds.fromIntake(intake(i)).toString();
    }

    private static UUID intake(int i) {
        return UUID.nameUUIDFromBytes(("replay-benchmark-" + i).getBytes());
    }

    /** One matter's life under version 1, as the live decider and the daily detection record it. */
    private static List<Recorded> live(
            int i,
            Instant accepted,
            LocalDate today,
            ZoneId zone,
            PlaybookPublished v1,
            EscalationRoutes routes,
            BusinessCalendar calendar,
            Random random) {
        UUID matterId = MatterIds.fromIntake(intake(i));
        LocalDate acceptedOn = accepted.atZone(zone).toLocalDate();
        LiveHistory live = new LiveHistory(zone, v1, routes)
                .receive(matterId, packet(intake(i), accepted.minusSeconds(7_200)), accepted.minusSeconds(7_200))
                .run(
                        new AcceptHandoff(
                                "B-" + i,
                                "p.patel",
                                acceptedOn,
                                v1,
                                calendar,
                                Map.of(),
                                Map.of(),
                                null,
                                Map.of(),
                                Map.of(),
                                accepted),
                        accepted);
        List<Scheduled> plan = new ArrayList<>();
        LocalDate lastDue = acceptedOn;
        for (Milestone m : live.matter().milestones().values()) {
            LocalDate done = m.dueDate().plusDays(random.nextInt(10) - 4);
            lastDue = done.isAfter(lastDue) ? done : lastDue;
            plan.add(at(done, 16, zone, (on, at) -> new CompleteMilestone(m.id(), on, on, at)));
        }
        for (Task t : live.matter().tasks().values()) {
            LocalDate done = t.dueDate().plusDays(random.nextInt(7) - 2);
            plan.add(at(done, 15, zone, (on, at) -> new CompleteTask(t.id(), on, on, at)));
        }
        for (LocalDate d = acceptedOn; !d.isAfter(lastDue); d = d.plusDays(1)) {
            if (calendar.isBusinessDay(d) && random.nextInt(10) < 6) {
                BigDecimal amount = BigDecimal.valueOf(300 + random.nextInt(1_200));
                String phase =
                        "L" + (100 * (1 + Math.min(4, (int) acceptedOn.until(d).toTotalMonths())));
                plan.add(at(d, 11, zone, (on, at) -> time(on, amount, phase, v1, routes, at)));
            }
        }
        for (LocalDate d = acceptedOn.plusDays(10 + random.nextInt(8));
                d.isBefore(lastDue);
                d = d.plusDays(10 + random.nextInt(8))) {
            UUID update = UUID.randomUUID();
            plan.add(at(d, 10, zone, (on, at) -> new SendStatusUpdate(update, on, on, "On plan", 14, at)));
        }
        LocalDate closed = lastDue.plusDays(10);
        plan.add(at(closed, 18, zone, (on, at) -> new CloseMatter(on, "SETTLED", at)));
        plan.stream()
                .filter(s -> !s.at().isBefore(accepted) && s.on().isBefore(today))
                .sorted(Comparator.comparing(Scheduled::at))
                .forEach(s -> live.run(s.command(), s.at()));
        return live.detectThrough(today).history();
    }

    /** A person's act planned for a day, at an hour of it. */
    private record Scheduled(LocalDate on, Instant at, MatterCommand command) {}

    private interface Act {
        MatterCommand on(LocalDate on, Instant at);
    }

    private static Scheduled at(LocalDate on, int hour, ZoneId zone, Act act) {
        Instant at = on.atTime(hour, 0).atZone(zone).toInstant();
        return new Scheduled(on, at, act.on(on, at));
    }

    private static RecordTime time(
            LocalDate on, BigDecimal amount, String phase, PlaybookPublished v1, EscalationRoutes routes, Instant at) {
        return new RecordTime(
                UUID.randomUUID(),
                "a.chen",
                TimekeeperRole.ATTORNEY,
                on,
                BigDecimal.valueOf(2),
                amount,
                phase,
                null,
                "A101",
                true,
                false,
                "A. Chen",
                "Work on the matter",
                v1.thresholds(),
                routes,
                at);
    }

    /** Five milestones over about five months, three tasks, a 40,000 budget over L100-L500; slips climb to the team lead after two days. */
    private static PlaybookPublished playbook(int version, Thresholds thresholds, String slipsClimbTo) {
        return new PlaybookPublished(
                MATTER_TYPE,
                version,
                "litigation",
                "o.ramirez",
                List.of(),
                List.of(new ChecklistItem("conflict-check", "Conflict check")),
                new Routing("litigation-east", "a.chen"),
                List.of(
                        new MilestoneTemplate("assessment", "Initial case assessment", 10, "associate", "L100", false),
                        new MilestoneTemplate("pleadings", "Pleadings", 25, "associate", "L200", false),
                        new MilestoneTemplate("discovery", "Discovery", 60, "associate", "L300", false),
                        new MilestoneTemplate("motions", "Dispositive motions", 85, "associate", "L400", false),
                        new MilestoneTemplate("trial-prep", "Trial preparation", 105, "associate", "L500", false)),
                List.of(
                        new TaskTemplate("hold", "Send the litigation hold", "assessment", 2, "responsibleAttorney"),
                        new TaskTemplate("documents", "Collect the client's documents", null, 5, "pm"),
                        new TaskTemplate("budget", "Send the budget to the client", null, 3, "pm")),
                List.of(
                        new BudgetPhase("L100", new BigDecimal("0.1")),
                        new BudgetPhase("L200", new BigDecimal("0.2")),
                        new BudgetPhase("L300", new BigDecimal("0.3")),
                        new BudgetPhase("L400", new BigDecimal("0.2")),
                        new BudgetPhase("L500", new BigDecimal("0.2"))),
                thresholds,
                List.of(
                        new EscalationPath(
                                EscalationCause.MILESTONE_SLIPPED,
                                List.of(
                                        new EscalationStep(BigDecimal.ZERO, "pm"),
                                        new EscalationStep(new BigDecimal("48"), slipsClimbTo))),
                        new EscalationPath(
                                EscalationCause.BUDGET_VARIANCE,
                                List.of(new EscalationStep(BigDecimal.ZERO, "teamLead")))),
                Map.of(),
                Instant.parse("2025-01-06T09:00:00Z"));
    }

    private static IntakeComplete packet(UUID intake, Instant at) {
        return new IntakeComplete(
                intake,
                MATTER_TYPE,
                "litigation",
                "Matter " + intake,
                new Client("Client " + intake, ClientKind.ORGANIZATION, null),
                Map.of(),
                List.of(new ChecklistEntry("conflict-check", true)),
                List.of(),
                new BigDecimal("40000.00"),
                "USD",
                new Routing("litigation-east", "a.chen"),
                at.minusSeconds(86_400),
                1,
                1,
                "i.jones",
                at);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
