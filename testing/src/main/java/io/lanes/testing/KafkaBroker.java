package io.lanes.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller) in a JVM of its own, started from
 * the jars Maven resolved from Maven Central. It can be stopped and started again on the same ports
 * and log directory, which is how tests take the broker away and bring it back.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "io/lanes/testing/kafka-broker.classpath";

    private final Path dir;
    private final int port;
    private final int controllerPort;
    /** A SASL/PLAIN listener for security tests; 0 for none. */
    private final int saslPort;

    private final String heap;
    private final boolean temporary;
    private Process process;

    private KafkaBroker(Path dir, int port, int controllerPort, int saslPort, String heap, boolean temporary) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.saslPort = saslPort;
        this.heap = heap;
        this.temporary = temporary;
    }

    /** Formats (first time only) and starts a broker whose data lives in {@code dir}. */
    public static KafkaBroker start(Path dir, int port, int controllerPort, String heap) {
        return start(new KafkaBroker(dir, port, controllerPort, 0, heap, false));
    }

    /**
     * A throw-away broker on free ports in a fresh temporary directory, deleted by {@link #close()}, with
     * a second listener that takes only SASL/PLAIN clients ({@link #saslBootstrapServers()}).
     */
    public static KafkaBroker startTemporary() {
        return start(new KafkaBroker(
                ScratchDirectory.create("lanes-kafka-"),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                "512m",
                true));
    }

    /** The user the SASL listener accepts, with {@link #SASL_PASSWORD}. */
    public static final String SASL_USER = "lanes";

    public static final String SASL_PASSWORD = "lanes-secret";

    /** The listener that refuses clients without SASL/PLAIN credentials (a temporary broker only). */
    public String saslBootstrapServers() {
        if (saslPort == 0) {
            throw new IllegalStateException("this broker has no SASL listener");
        }
        return "127.0.0.1:" + saslPort;
    }

    /** The client-side JAAS line for {@link #SASL_USER}. */
    public static String saslJaasConfig() {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + SASL_USER
                + "\" password=\"" + SASL_PASSWORD + "\";";
    }

    private static KafkaBroker start(KafkaBroker broker) {
        try {
            broker.formatIfNew();
            broker.start();
            return broker;
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path logFile() {
        return dir.resolve("broker.log");
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker process and waits until it answers. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(
                ChildProcess.javaExecutable(),
                "-Xms128m",
                "-Xmx" + heap,
                "-XX:+UseG1GC",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-cp",
                kafkaClasspath(),
                "kafka.Kafka",
                dir.resolve("server.properties").toString()));
        process = ChildProcess.start(command, logFile());
        awaitReady(Duration.ofSeconds(90));
    }

    /** Stops the broker cleanly (SIGTERM), keeping its data for a later {@link #start()}. */
    public synchronized void stop() {
        ChildProcess.stop(process, 30);
        process = null;
    }

    /** Stops the broker; a temporary one also loses its files. */
    @Override
    public void close() {
        stop();
        if (temporary) {
            ScratchDirectory.delete(dir);
        }
    }

    private void formatIfNew() {
        try {
            Files.createDirectories(dir);
            writeConfig();
            if (Files.exists(dir.resolve("data").resolve("meta.properties"))) {
                return;
            }
            ChildProcess.run(
                    List.of(
                            ChildProcess.javaExecutable(),
                            "-Xmx256m",
                            "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                            "-cp",
                            kafkaClasspath(),
                            "kafka.tools.StorageTool",
                            "format",
                            // The '=' form: a random id may start with '-', which would read as an option.
                            "--cluster-id=" + clusterId(),
                            "--config=" + dir.resolve("server.properties")),
                    dir.resolve("format.log"),
                    120);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A KRaft cluster id: 16 random bytes, URL-safe base64 without padding. */
    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        byte[] bytes = java.nio.ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits())
                .array();
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void writeConfig() throws IOException {
        Properties server = new Properties();
        server.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry(
                        "listeners",
                        "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort
                                + (saslPort == 0 ? "" : ",SASL_PLAINTEXT://127.0.0.1:" + saslPort)),
                Map.entry(
                        "advertised.listeners",
                        "PLAINTEXT://127.0.0.1:" + port
                                + (saslPort == 0 ? "" : ",SASL_PLAINTEXT://127.0.0.1:" + saslPort)),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry(
                        "listener.security.protocol.map",
                        "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT"),
                Map.entry("sasl.enabled.mechanisms", "PLAIN"),
                Map.entry(
                        "listener.name.sasl_plaintext.plain.sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + SASL_USER
                                + "\" password=\"" + SASL_PASSWORD + "\" user_" + SASL_USER + "=\"" + SASL_PASSWORD
                                + "\";"),
                Map.entry("log.dirs", dir.resolve("data").toString()),
                Map.entry("num.partitions", "3"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("log.cleaner.backoff.ms", "1000")));
        try (var out = Files.newBufferedWriter(dir.resolve("server.properties"), StandardCharsets.UTF_8)) {
            server.store(out, "Lanes KRaft broker (generated)");
        }
        Files.writeString(
                dir.resolve("log4j2.properties"),
                String.join(
                        "\n",
                        "rootLogger.level = INFO",
                        "rootLogger.appenderRef.out.ref = out",
                        "appender.out.type = Console",
                        "appender.out.name = out",
                        "appender.out.layout.type = PatternLayout",
                        "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                        "logger.kafka.name = kafka",
                        "logger.kafka.level = INFO",
                        "logger.apache.name = org.apache.kafka",
                        "logger.apache.level = WARN",
                        ""));
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitPortOpen(deadline);
        Exception last = null;
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000"))) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited with " + process.exitValue() + "; see " + logFile()
                            + "\n" + ChildProcess.tail(logFile()));
                }
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(3, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    last = e;
                }
            }
        }
        throw new IllegalStateException("Kafka did not answer within " + timeout + "; see " + logFile(), last);
    }

    /** Waits for the listener before asking the broker anything, so clients do not log a storm of retries. */
    private void awaitPortOpen(long deadline) {
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with " + process.exitValue() + "; see " + logFile() + "\n"
                        + ChildProcess.tail(logFile()));
            }
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                pause();
            }
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    /** The classpath of the broker and of Kafka's own tools (e.g. {@code org.apache.kafka.tools.ProducerPerformance}). */
    public static String kafkaClasspath() {
        try (InputStream in = KafkaBroker.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        CLASSPATH_RESOURCE + " is missing: build the testing/kafka-runtime module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
