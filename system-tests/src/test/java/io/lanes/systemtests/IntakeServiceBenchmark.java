package io.lanes.systemtests;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.contracts.EventJson;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.MachineBaselines;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * intake-service on its own (ops-config-service beside it for the playbooks), driven closed-loop by 16
 * connections: the creates and then the submits a second it takes and their latency, against pgbench's
 * single-INSERT transactions a second on the same PostgreSQL server, so the service's own ceiling shows
 * apart from the whole system's. Prints one {@code BENCHMARK {...}} JSON line. Not part of the default
 * run: {@code ./mvnw -B -pl system-tests -am verify -Pbenchmark -Dtest=IntakeServiceBenchmark}.
 */
@Tag("benchmark")
class IntakeServiceBenchmark {

    private static final Logger LOG = Logger.getLogger(IntakeServiceBenchmark.class);
    private static final int CONNECTIONS = 16;
    private static final Duration STEP = Duration.ofSeconds(20);
    /** Warm-up windows of creates, each followed by the submits of what it created. */
    private static final Duration WARM_UP_WINDOW = Duration.ofSeconds(5);
    /**
     * The longest warm-up, {@code -Dlanes.bench.warm-up-max-seconds}. The JIT takes minutes, not
     * seconds, on two cores shared with PostgreSQL and Kafka: after 10 s intake-service created ~200 a
     * second, after 100 s ~800.
     */
    private static final Duration WARM_UP_MAX =
            Duration.ofSeconds(Long.getLong("lanes.bench.warm-up-max-seconds", 240));

    private static final boolean NATIVE_MEMORY = Boolean.getBoolean("lanes.bench.nmt");
    private static final Path LOGS = LanesSystem.LOGS.resolve("intake-service-benchmark");
    private static final String INTAKE = DevTokens.forUser("i.jones", "intake");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    /**
     * HTTP/1.1, so the 16 connections are 16 TCP connections spread over the service's event loops, as
     * intake staff's browsers and a load balancer make them; the client's default (HTTP/2 over cleartext)
     * multiplexed every request onto one connection and so one event loop.
     */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * Tracing in intake-service for this run, {@code -Dlanes.bench.traces}: {@code none} (the default
     * configuration: spans made, not exported), {@code file} (every span written as OTLP JSON) or
     * {@code off} (the OpenTelemetry SDK disabled), to state what tracing costs the write path.
     */
    private static final String TRACES = System.getProperty("lanes.bench.traces", "none");

    private static Map<String, String> tracing() {
        return switch (TRACES) {
            case "none" -> Map.of();
            case "file" ->
                Map.of(
                        "LANES_TRACES_EXPORTER",
                        "file",
                        "LANES_TRACES_FILE",
                        LOGS.resolve("intake-service-traces.jsonl").toString());
            case "off" -> Map.of("QUARKUS_OTEL_SDK_DISABLED", "true");
            default -> throw new IllegalArgumentException("lanes.bench.traces must be none, file or off");
        };
    }

    /**
     * JVM options for intake-service in this run only: a flight recording over the run,
     * {@code -Dlanes.bench.jfr=/path/intake.jfr} (JFR's profile settings), to see where its time goes
     * before changing anything; native memory tracking, {@code -Dlanes.bench.nmt=true}, to see where its
     * memory goes (the line then holds its categories).
     */
    private static Map<String, String> diagnostics() {
        List<String> options = new ArrayList<>();
        String recording = System.getProperty("lanes.bench.jfr", "");
        if (!recording.isBlank()) {
            options.add("-XX:StartFlightRecording=settings=profile,filename=" + recording);
        }
        if (NATIVE_MEMORY) {
            options.add("-XX:NativeMemoryTracking=summary");
        }
        return options.isEmpty() ? Map.of() : Map.of("JAVA_TOOL_OPTIONS", String.join(" ", options));
    }

    /** A request a connection sends again and again: its answer, or null when nothing is left to send. */
    private interface Call {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    @Test
    void intakeServiceAloneAtSixteenConnections() throws Exception {
        LanesInfra infra = LanesInfra.get();
        ObjectNode summary = EventJson.mapper()
                .createObjectNode()
                .put("benchmark", "intake-service")
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("connections", CONNECTIONS)
                .put("fsync", MachineBaselines.fsync())
                .put("traces", TRACES);
        Map<String, String> intakeEnvironment = LanesSystem.localEnvironment(infra, "solo_intake");
        intakeEnvironment.putAll(tracing());
        intakeEnvironment.putAll(diagnostics());
        try (ServiceProcess ops = ServiceProcess.launch(
                        LanesSystem.REPOSITORY,
                        "ops-config-service",
                        LanesSystem.localEnvironment(infra, "solo_ops"),
                        LOGS);
                ServiceProcess intake =
                        ServiceProcess.launch(LanesSystem.REPOSITORY, "intake-service", intakeEnvironment, LOGS)) {
            ops.awaitReady();
            intake.awaitReady();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> create(intake, "warm-up").statusCode() == 201);
            warmUp(intake, summary);
            ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();
            summary.set("create", run(STEP, () -> create(intake, "Bench"), created));
            summary.put("createdForSubmit", created.size());
            summary.set("submit", run(STEP, () -> submitNext(intake, created), new ConcurrentLinkedQueue<>()));
            if (NATIVE_MEMORY) {
                ObjectNode categories = summary.putObject("intakeServiceCommittedMiB");
                ProcessFigures.committedMiB(intake.pid())
                        .forEach((category, mib) -> categories.put(category, round(mib)));
            }
            summary.putObject("rssMiB")
                    .put("intake-service", round(ProcessFigures.rssMiB(intake.pid())))
                    .put("ops-config-service", round(ProcessFigures.rssMiB(ops.pid())));
        }
        ObjectNode baselines = summary.putObject("baselines");
        MachineBaselines.pgbenchSingleInsertTps()
                .ifPresentOrElse(
                        tps -> baselines.put("pgbenchSingleInsertTps", tps),
                        () -> baselines.put("pgbenchSingleInsertTps", (String) null));
        if (baselines.hasNonNull("pgbenchSingleInsertTps")) {
            double pgbench = baselines.get("pgbenchSingleInsertTps").asDouble();
            summary.putObject("ratios")
                    .put(
                            "createOverPgbench",
                            round4(summary.get("create").get("perSecond").asDouble() / pgbench))
                    .put(
                            "submitOverPgbench",
                            round4(summary.get("submit").get("perSecond").asDouble() / pgbench))
                    .put("goalCreate", 0.10)
                    .put("goalSubmit", 0.06)
                    .put("goalP99Ms", 50);
        }
        LOG.infof("BENCHMARK %s", summary);
    }

    /**
     * Creates and submits until the JIT has settled: three windows in a row whose create rates are
     * within 5 % of their mean, or {@link #WARM_UP_MAX}. The rates of the windows go in the line too.
     */
    private void warmUp(ServiceProcess intake, ObjectNode summary) throws Exception {
        ArrayNode curve = summary.putArray("warmUpCreatesPerSecond");
        List<Double> rates = new ArrayList<>();
        long start = System.nanoTime();
        while (!settled(rates) && System.nanoTime() - start < WARM_UP_MAX.toNanos()) {
            ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();
            double rate = run(WARM_UP_WINDOW, () -> create(intake, "warm-up"), created)
                    .get("perSecond")
                    .asDouble();
            run(WARM_UP_WINDOW, () -> submitNext(intake, created), new ConcurrentLinkedQueue<>());
            rates.add(rate);
            curve.add(rate);
        }
        summary.put("warmUpSeconds", Math.round((System.nanoTime() - start) / 1e9));
    }

    private static boolean settled(List<Double> rates) {
        if (rates.size() < 3) {
            return false;
        }
        List<Double> last = rates.subList(rates.size() - 3, rates.size());
        double mean = last.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return mean > 0 && last.stream().allMatch(rate -> Math.abs(rate - mean) <= 0.05 * mean);
    }

    /** {@link #CONNECTIONS} connections each sending the call back to back for the step; ids created go to {@code ids}. */
    private ObjectNode run(Duration length, Call call, ConcurrentLinkedQueue<String> ids) throws Exception {
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        ExecutorService connections = Executors.newFixedThreadPool(CONNECTIONS);
        long start = System.nanoTime();
        long end = start + length.toNanos();
        for (int i = 0; i < CONNECTIONS; i++) {
            connections.submit(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> answer = call.send();
                        if (answer == null) {
                            return;
                        }
                        micros.add((System.nanoTime() - t0) / 1000);
                        if (answer.statusCode() >= 300) {
                            errors.incrementAndGet();
                        } else {
                            Matcher id = ID.matcher(answer.body());
                            if (answer.statusCode() == 201 && id.find()) {
                                ids.add(id.group(1));
                            }
                        }
                    } catch (IOException | InterruptedException | RuntimeException e) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        connections.shutdown();
        connections.awaitTermination(length.toSeconds() + 60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        Function<Double, Double> percentile = p -> sorted.isEmpty()
                ? 0
                : round(sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1000.0);
        return EventJson.mapper()
                .createObjectNode()
                .put("requests", sorted.size())
                .put("seconds", round(seconds))
                .put("perSecond", round(sorted.size() / seconds))
                .put("errors", errors.get())
                .put("p50Ms", percentile.apply(0.50))
                .put("p99Ms", percentile.apply(0.99));
    }

    private HttpResponse<String> create(ServiceProcess intake, String name) throws IOException, InterruptedException {
        return post(intake, "/intakes", ContractReviewIntake.json("contract-review", name + " " + System.nanoTime()));
    }

    /** Submits the next created intake; null once every one is submitted. */
    private HttpResponse<String> submitNext(ServiceProcess intake, ConcurrentLinkedQueue<String> created)
            throws IOException, InterruptedException {
        String id = created.poll();
        return id == null ? null : post(intake, "/intakes/" + id + "/submit", "");
    }

    private HttpResponse<String> post(ServiceProcess service, String path, String body)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + INTAKE)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double round4(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
