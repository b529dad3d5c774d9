package io.lanes.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The raw capacity of this machine's PostgreSQL and Kafka, measured in the benchmark's own run so its
 * figures read as ratios: pgbench single-INSERT transactions and Kafka's ProducerPerformance, against
 * the servers {@link LanesInfra} started.
 */
public final class MachineBaselines {

    private static final Logger LOG = Logger.getLogger(MachineBaselines.class);

    private MachineBaselines() {}

    /**
     * The test server's {@code fsync} setting ("on" or "off"): whether its commits reach the disk, so a
     * benchmark says which figures it compares (the durable one is the headline).
     */
    public static String fsync() throws Exception {
        try (Connection c = LanesInfra.get().database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW fsync")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** pgbench, 8 clients for 10 s, each transaction one INSERT of a row the size of an event, if pgbench is here. */
    public static Optional<Double> pgbenchSingleInsertTps() throws Exception {
        Optional<Path> pgbench = findPgbench();
        if (pgbench.isEmpty()) {
            LOG.warn("pgbench not found (PATH or /usr/lib/postgresql/*/bin): baseline skipped");
            return Optional.empty();
        }
        PostgresDatabase db = LanesInfra.get().postgres().createDatabase("bench_pgbench");
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench (id bigserial PRIMARY KEY, data jsonb NOT NULL)");
        }
        Path script = Files.createTempFile("insert", ".sql");
        Files.writeString(
                script,
                "INSERT INTO bench (data) VALUES ('{\"intakeId\":\"" + "x".repeat(36)
                        + "\",\"matterType\":\"contract-review\",\"payload\":\"" + "y".repeat(500) + "\"}');\n");
        ProcessBuilder builder = new ProcessBuilder(
                        pgbench.get().toString(),
                        "-n",
                        "-c",
                        "8",
                        "-j",
                        "2",
                        "-T",
                        "10",
                        "-f",
                        script.toString(),
                        "-h",
                        db.host(),
                        "-p",
                        Integer.toString(db.port()),
                        "-U",
                        db.username(),
                        db.database())
                .redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", db.password() == null ? "" : db.password());
        String out = run(builder);
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        return tps.find() ? Optional.of(Double.parseDouble(tps.group(1))) : Optional.empty();
    }

    private static Optional<Path> findPgbench() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, "pgbench");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (var versions = Files.list(debian)) {
                return versions.map(v -> v.resolve("bin/pgbench"))
                        .filter(Files::isExecutable)
                        .findFirst();
            }
        }
        return Optional.empty();
    }

    /** Kafka's ProducerPerformance on the same broker: 300,000 records of 600 bytes, acks=all, idempotent. */
    public static Map<String, Double> producerPerformance() throws Exception {
        String out = run(new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        KafkaBroker.kafkaClasspath(),
                        "org.apache.kafka.tools.ProducerPerformance",
                        "--topic",
                        "lanes.bench.producer",
                        "--num-records",
                        "300000",
                        "--record-size",
                        "600",
                        "--throughput",
                        "-1",
                        "--producer-props",
                        "bootstrap.servers=" + LanesInfra.get().kafka().bootstrapServers(),
                        "acks=all",
                        "enable.idempotence=true")
                .redirectErrorStream(true));
        Matcher summary = Pattern.compile("records sent, ([0-9.]+) records/sec .*?([0-9.]+) ms 99th")
                .matcher(out);
        Map<String, Double> figures = new HashMap<>();
        if (summary.find()) {
            figures.put("recordsPerSecond", Double.parseDouble(summary.group(1)));
            figures.put("p99Ms", Double.parseDouble(summary.group(2)));
        }
        return figures;
    }

    private static String run(ProcessBuilder builder) throws Exception {
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(builder.command().get(0) + " failed: " + out);
        }
        return out;
    }
}
