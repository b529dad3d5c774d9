package io.lanes.systemtests;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.contracts.EventJson;
import io.lanes.contracts.EventType;
import io.lanes.testing.DevTokens;
import io.lanes.testing.MachineBaselines;
import io.lanes.testing.PostgresDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sustained intake submissions at increasing rates against the four services as processes, with
 * request latency, event-to-KPI visibility latency, each service's RSS and CPU, and the raw baselines
 * of the same machine (pgbench single INSERTs, Kafka's ProducerPerformance) so the figures read as
 * ratios. Prints one {@code BENCHMARK {...}} JSON line. Not part of the default test run:
 * {@code ./mvnw -B -pl system-tests -am verify -Pbenchmark}.
 */
@Tag("benchmark")
class IntakeLoadBenchmark {

    private static final Logger LOG = Logger.getLogger(IntakeLoadBenchmark.class);
    private static final int[] INTAKES_PER_SECOND = {5, 20, 80, 160, 320};
    private static final Duration STEP = Duration.ofSeconds(20);
    /**
     * The warm-up at 20 intakes a second before the steps, {@code -Dlanes.bench.warm-up-seconds}: the
     * JIT of five JVMs on two cores takes minutes (intake-service alone created ~200 a second after 10 s
     * and ~800 after 100 s), and a 10 s warm-up measured the compilers rather than the services.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("lanes.bench.warm-up-seconds", 120));

    private static final String INTAKE = DevTokens.forUser("i.jones", "intake");
    private static final String LEADERSHIP = DevTokens.forUser("l.moreau", "leadership");

    private final HttpClient http = HttpClient.newBuilder()
            // As intake staff's browsers do: a connection per request in flight, spread over the
            // service's event loops (the client's default, HTTP/2, multiplexes them onto one).
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** One submitted intake. */
    private record Submitted(String intakeId) {}

    @Test
    void intakeSubmissionsAtIncreasingRates() throws Exception {
        ObjectNode summary = EventJson.mapper()
                .createObjectNode()
                .put("benchmark", "intake-load")
                .put("cores", Runtime.getRuntime().availableProcessors());
        try (LanesSystem system = LanesSystem.start()) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() ->
                            post(system.intake, "/intakes", ContractReviewIntake.json("contract-review", "warm-up"))
                                            .statusCode()
                                    == 201);
            summary.put("warmUpSeconds", WARM_UP.toSeconds());
            runStep(system, 20, WARM_UP);
            ArrayNode steps = summary.putArray("steps");
            for (int rate : INTAKES_PER_SECOND) {
                steps.add(runStep(system, rate, STEP));
            }
        }
        ObjectNode baselines = summary.putObject("baselines");
        MachineBaselines.pgbenchSingleInsertTps()
                .ifPresentOrElse(
                        tps -> baselines.put("pgbenchSingleInsertTps", tps),
                        () -> baselines.put("pgbenchSingleInsertTps", (String) null));
        Map<String, Double> producer = MachineBaselines.producerPerformance();
        baselines.put("kafkaProducerRecordsPerSecond", producer.get("recordsPerSecond"));
        baselines.put("kafkaProducerP99Ms", producer.get("p99Ms"));
        ratios(summary);
        LOG.infof("BENCHMARK %s", summary);
    }

    private ObjectNode runStep(LanesSystem system, int rate, Duration length) throws Exception {
        Map<String, double[]> cpuBefore = new HashMap<>();
        system.services().forEach(s -> cpuBefore.put(s.name(), new double[] {ProcessFigures.cpuSeconds(s.pid())}));
        List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
        List<Submitted> submitted = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        ExecutorService clients = Executors.newFixedThreadPool(64);
        long start = System.nanoTime();
        pacer.scheduleAtFixedRate(
                () -> clients.submit(() -> intake(system, latenciesMicros, submitted, errors)),
                0,
                1_000_000 / rate,
                TimeUnit.MICROSECONDS);
        pacer.schedule(pacer::shutdown, length.toMillis(), TimeUnit.MILLISECONDS);
        pacer.awaitTermination(length.toSeconds() + 10, TimeUnit.SECONDS);
        clients.shutdown();
        clients.awaitTermination(120, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;

        ObjectNode step = EventJson.mapper()
                .createObjectNode()
                .put("targetIntakesPerSecond", rate)
                .put("seconds", round(seconds))
                .put("intakes", submitted.size())
                .put("achievedIntakesPerSecond", round(submitted.size() / seconds))
                .put("requestsPerSecond", round(latenciesMicros.size() / seconds))
                .put("errors", errors.get())
                .put("requestP50Ms", percentileMs(latenciesMicros, 0.50))
                .put("requestP99Ms", percentileMs(latenciesMicros, 0.99));
        ObjectNode services = step.putObject("services");
        for (ServiceProcess s : system.services()) {
            services.putObject(s.name())
                    .put("rssMiB", round(ProcessFigures.rssMiB(s.pid())))
                    .put(
                            "cpuPercent",
                            round((ProcessFigures.cpuSeconds(s.pid())
                                            - cpuBefore.get(s.name())[0])
                                    / seconds
                                    * 100));
        }
        List<Long> visibility = visibilityMicros(system, submitted);
        step.put("kpiVisibleP50Ms", percentileMs(visibility, 0.50))
                .put("kpiVisibleP99Ms", percentileMs(visibility, 0.99));
        return step;
    }

    private void intake(LanesSystem system, List<Long> latencies, List<Submitted> submitted, AtomicInteger errors) {
        try {
            long t0 = System.nanoTime();
            HttpResponse<String> created =
                    post(system.intake, "/intakes", ContractReviewIntake.json("contract-review", "Load " + t0));
            long t1 = System.nanoTime();
            latencies.add((t1 - t0) / 1000);
            Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(created.body());
            if (created.statusCode() != 201 || !id.find()) {
                errors.incrementAndGet();
                return;
            }
            HttpResponse<String> submit = post(system.intake, "/intakes/" + id.group(1) + "/submit", null);
            latencies.add((System.nanoTime() - t1) / 1000);
            if (submit.statusCode() == 200) {
                submitted.add(new Submitted(id.group(1)));
            } else {
                errors.incrementAndGet();
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            errors.incrementAndGet();
        }
    }

    /**
     * From each intake-complete's occurrence (intake-service's commit) to the moment kpi-service's
     * consumer committed it as a fact: both stamped by this machine's clock.
     */
    private List<Long> visibilityMicros(LanesSystem system, List<Submitted> submitted) throws SQLException {
        String ids = submitted.stream().map(Submitted::intakeId).collect(Collectors.joining(","));
        PostgresDatabase kpiDb = system.kpiDatabase();
        String inStep =
                "FROM kpi_fact f JOIN lanes_processed_event p ON p.ce_id = f.ce_id AND p.consumer = 'kpi-facts' "
                        + "WHERE f.ce_type = ? AND f.subject = ANY(string_to_array(?, ','))";
        Awaitility.await()
                .atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> kpiDb.queryLong("SELECT count(*) " + inStep, EventType.INTAKE_COMPLETE.ceType(), ids)
                        >= submitted.size());
        List<Long> latencies = new ArrayList<>();
        try (Connection c = kpiDb.connect();
                PreparedStatement q = c.prepareStatement(
                        "SELECT (EXTRACT(EPOCH FROM (p.processed_at - f.occurred_at)) * 1000000)::bigint " + inStep)) {
            q.setString(1, EventType.INTAKE_COMPLETE.ceType());
            q.setString(2, ids);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    latencies.add(rows.getLong(1));
                }
            }
        }
        return latencies;
    }

    private HttpResponse<String> post(ServiceProcess service, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + INTAKE)
                .header("Content-Type", "application/json");
        request.POST(
                body == null ? HttpRequest.BodyPublishers.ofString("") : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The top step's intake rate over the raw baselines: how much of the machine's raw capacity the system reaches. */
    private static void ratios(ObjectNode summary) {
        ArrayNode steps = (ArrayNode) summary.get("steps");
        double best = 0;
        for (var step : steps) {
            best = Math.max(best, step.get("achievedIntakesPerSecond").asDouble());
        }
        ObjectNode ratios = summary.putObject("ratios").put("bestAchievedIntakesPerSecond", best);
        var baselines = summary.get("baselines");
        if (baselines.hasNonNull("pgbenchSingleInsertTps")) {
            ratios.put(
                    "intakesPerPgbenchInsert",
                    round4(best / baselines.get("pgbenchSingleInsertTps").asDouble()));
        }
        if (baselines.hasNonNull("kafkaProducerRecordsPerSecond")) {
            ratios.put(
                    "intakesPerKafkaRecord",
                    round4(best / baselines.get("kafkaProducerRecordsPerSecond").asDouble()));
        }
    }

    private static double percentileMs(List<Long> micros, double p) {
        if (micros.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return round(sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1)) / 1000.0);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double round4(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
