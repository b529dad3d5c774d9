package io.lanes.kpi;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.contracts.CloudEvent;
import io.lanes.contracts.CloudEventCodec;
import io.lanes.contracts.EventJson;
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
import io.lanes.testing.MachineBaselines;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Projection catch-up and rebuild throughput and query latency at a large firm's scale, printed as one
 * {@code BENCHMARK {...}} JSON line with the machine's raw baselines of the same run. The firm is
 * constant in size (a matter every 50 minutes, 20 events each), so more events mean more years of
 * history: {@code -Dlanes.bench.events=N} (default 2,000,000, about nine and a half years). Queries ask
 * for the latest full month of that history, so a query that grows with history shows it. Not part of
 * the default test run: {@code ./mvnw -B -pl kpi-service -am verify -Pbenchmark -Dlanes.bench.events=200000}.
 */
@Tag("benchmark")
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class KpiProjectionBenchmark {

    private static final Logger LOG = Logger.getLogger(KpiProjectionBenchmark.class);
    private static final int EVENTS_PER_MATTER = 20;
    private static final long EVENTS = Long.getLong("lanes.bench.events", 2_000_000L);
    private static final int MATTERS = (int) (EVENTS / EVENTS_PER_MATTER);
    private static final Instant FIRST_INTAKE = Instant.parse("2024-01-01T08:00:00Z");
    private static final Duration BETWEEN_INTAKES = Duration.ofMinutes(50);
    private static final int CALLS = 50;
    private static final int WARM_UP = 5;
    /**
     * {@code -Dlanes.bench.statements=true}: PostgreSQL's own time per statement of each timed query (parse,
     * bind and execute from its statement log, per call), to see which KPI a latency comes from. The log
     * slows the calls down: their times are then not the headline.
     */
    private static final boolean STATEMENTS = Boolean.getBoolean("lanes.bench.statements");

    private static final Pattern LOGGED =
            Pattern.compile("duration: ([0-9.]+) ms {2}(?:parse|bind|execute) [^:]*: (.*)");

    /** The matter received at the start of the measured month, for the one-matter scorecard. */
    private UUID sampleMatter;

    @Test
    void catchUpRebuildAndQueriesAtScale() throws Exception {
        ObjectNode result = EventJson.mapper()
                .createObjectNode()
                .put("benchmark", "kpi-projection")
                .put("events", MATTERS * (long) EVENTS_PER_MATTER)
                .put("matters", MATTERS)
                .put("postgres", "the test server (pgbench below runs against the same server)")
                .put("fsync", MachineBaselines.fsync());
        LocalDate month = measuredMonth();
        int sample = (int) (Duration.between(
                                FIRST_INTAKE, month.atStartOfDay(ZoneOffset.UTC).toInstant())
                        .toMinutes()
                / BETWEEN_INTAKES.toMinutes());

        long start = System.nanoTime();
        publish(Math.min(sample + 1, MATTERS - 1));
        result.put("publishSeconds", round1(seconds(start)));
        Awaitility.await()
                .atMost(Duration.ofHours(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> applied() >= MATTERS * (long) EVENTS_PER_MATTER);
        result.put("catchUpEventsPerSecond", Math.round(MATTERS * (double) EVENTS_PER_MATTER / seconds(start)));

        // Steady state: what autovacuum would have done by the time anyone reads (statistics, visibility map).
        long vacuum = System.nanoTime();
        try (Connection connection = LanesInfra.get().database().connect();
                Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
        result.put("vacuumAnalyzeSeconds", round1(seconds(vacuum)));

        String from = month.toString();
        String to = month.plusMonths(1).toString();
        String yearFrom = month.plusMonths(1).minusYears(1).toString();
        ObjectNode queries = result.putObject("queriesMs");
        String leadership = DevTokens.forRole("leadership");
        time(queries, "opsScorecardMonth", leadership, "/scorecards/ops?from=" + from + "&to=" + to);
        time(queries, "pmScorecardMonth", leadership, "/scorecards/pm?from=" + from + "&to=" + to);
        time(queries, "sharedScorecardMonth", leadership, "/scorecards/shared?from=" + from + "&to=" + to);
        time(queries, "diagnosisMonth", leadership, "/diagnosis?from=" + from + "&to=" + to);
        time(
                queries,
                "opsTrend12MonthsByMonth",
                leadership,
                "/scorecards/ops/trend?interval=month&from=" + yearFrom + "&to=" + to);
        time(
                queries,
                "pmTrend12MonthsByMonth",
                leadership,
                "/scorecards/pm/trend?interval=month&from=" + yearFrom + "&to=" + to);
        time(queries, "matterScorecard", DevTokens.forRole("pm"), "/matters/" + sampleMatter + "/scorecard");
        result.put("measuredMonth", from);
        result.put("heapUsedMbAfterQueries", heapUsedMb());

        String admin = DevTokens.forRole("admin");
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body("{}")
                .post("/projection/rebuild")
                .then()
                .statusCode(202);
        Awaitility.await()
                .atMost(Duration.ofHours(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> "SWAPPED"
                        .equals(given().auth()
                                .oauth2(admin)
                                .get("/projection/rebuild")
                                .jsonPath()
                                .getString("state")));
        result.put(
                "rebuildEventsPerSecond",
                given().auth()
                        .oauth2(admin)
                        .get("/projection/rebuild")
                        .jsonPath()
                        .getDouble("eventsPerSecond"));

        ObjectNode baselines = result.putObject("baselines");
        baselines.put(
                "pgbenchSingleInsertTps",
                MachineBaselines.pgbenchSingleInsertTps().orElse(null));
        Map<String, Double> producer = MachineBaselines.producerPerformance();
        baselines.put("kafkaProducerRecordsPerSecond", producer.get("recordsPerSecond"));
        LOG.infof("BENCHMARK %s", result);
    }

    /** The latest full month of the synthetic history: two months before the last intake. */
    private static LocalDate measuredMonth() {
        Instant last = FIRST_INTAKE.plus(BETWEEN_INTAKES.multipliedBy(MATTERS - 1L));
        return LocalDate.ofInstant(last, ZoneOffset.UTC).withDayOfMonth(1).minusMonths(2);
    }

    /** p50 and p99 of {@value #CALLS} calls after {@value #WARM_UP} warm-up calls; with them, their statements. */
    private static void time(ObjectNode queries, String name, String token, String path) throws SQLException {
        long logged = STATEMENTS ? statementLog(0) : 0;
        timeCalls(queries, name, token, path);
        if (STATEMENTS) {
            statementLog(-1);
            ((ObjectNode) queries.get(name)).set("statementMsPerCall", statementsPerCall(logged));
        }
    }

    /** Sets log_min_duration_statement (-1: off) and answers the log's size before it. */
    private static long statementLog(int minDurationMs) throws SQLException {
        try (Connection connection = LanesInfra.get().database().connect();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER SYSTEM SET log_min_duration_statement = " + minDurationMs);
            statement.execute("SELECT pg_reload_conf()");
            try (ResultSet size = statement.executeQuery("SELECT size FROM pg_stat_file('postgres.log')")) {
                size.next();
                return size.getLong(1);
            }
        }
    }

    /**
     * The statements logged since {@code from}, summed by their text after the periods table every KPI
     * query starts with, in ms per call: the eight costliest and the total.
     */
    private static ObjectNode statementsPerCall(long from) throws SQLException {
        String log;
        try (Connection connection = LanesInfra.get().database().connect();
                Statement statement = connection.createStatement();
                ResultSet read = statement.executeQuery("SELECT pg_read_file('postgres.log', " + from
                        + ", (SELECT size FROM pg_stat_file('postgres.log')) - " + from + ")")) {
            read.next();
            log = read.getString(1);
        }
        Map<String, Double> byStatement = new HashMap<>();
        Matcher line = LOGGED.matcher(log);
        while (line.find()) {
            String sql = line.group(2);
            int kpi = sql.indexOf("SELECT b.i");
            String key = sql.substring(kpi < 0 ? 0 : kpi);
            byStatement.merge(
                    key.substring(0, Math.min(key.length(), 100)), Double.parseDouble(line.group(1)), Double::sum);
        }
        ObjectNode perCall = EventJson.mapper().createObjectNode();
        int calls = WARM_UP + CALLS;
        perCall.put(
                "total",
                round1(byStatement.values().stream()
                                .mapToDouble(Double::doubleValue)
                                .sum()
                        / calls));
        byStatement.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(8)
                .forEach(e -> perCall.put(e.getKey(), round1(e.getValue() / calls)));
        return perCall;
    }

    private static void timeCalls(ObjectNode queries, String name, String token, String path) {
        for (int i = 0; i < WARM_UP; i++) {
            given().auth().oauth2(token).get(path).then().statusCode(200);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            given().auth().oauth2(token).get(path).then().statusCode(200);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        queries.putObject(name)
                .put("p50", round1(millis.get(CALLS / 2 - 1)))
                .put("p99", round1(millis.get((int) Math.ceil(0.99 * CALLS) - 1)));
    }

    private static long heapUsedMb() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }

    /** Records the fact projection has applied, from its partition progress (cheaper than counting rows). */
    private static long applied() {
        return LanesInfra.get()
                .database()
                .queryLong("SELECT COALESCE(sum(next_offset), 0) FROM lanes_consumer_progress WHERE consumer = "
                        + "'kpi-facts'");
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private void publish(int sample) {
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
                if (m == sample) {
                    sampleMatter = ((HandoffAccepted) events.get(2)).matterId();
                }
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
        Instant received = FIRST_INTAKE.plus(BETWEEN_INTAKES.multipliedBy(n));
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
                List.of(),
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
