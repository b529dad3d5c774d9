package io.lanes.systemtests;

import io.lanes.testing.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** One Lanes service as the run command starts it: its quarkus-run.jar in a JVM of its own. */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final int managementPort;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    private ServiceProcess(String name, int port, int managementPort, Map<String, String> environment, Path log) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.environment = environment;
        this.log = log;
    }

    /** Launches the service; call {@link #awaitReady()} before using it (launch several, then wait). */
    static ServiceProcess launch(Path repository, String name, Map<String, String> environment, Path logs) {
        ServiceProcess service =
                new ServiceProcess(name, FreePorts.next(), FreePorts.next(), environment, logs.resolve(name + ".log"));
        service.start(repository);
        return service;
    }

    String name() {
        return name;
    }

    /** The operating-system process id of the service's JVM, for resource figures. */
    long pid() {
        return process.pid();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Where its health and metrics are: the management interface, a port of its own. */
    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** Starts (or restarts, on the same port and log) the service's JVM. */
    void start(Path repository) {
        Path jar = repository.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw package)");
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "@" + repository.resolve("deploy/jvm.options"),
                        "-jar",
                        jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    ServiceProcess awaitReady() {
        Awaitility.await(name + " ready (log " + log + ")")
                .atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                .until(this::ready);
        return this;
    }

    /** Waits for the JVM to end by itself (a start-up refused); its exit code. */
    int awaitExit(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " still runs after " + within + "; see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the service printed so far. */
    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Kills the JVM without letting it shut down (SIGKILL), as a crash or an OOM kill would. */
    void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
        }
        try {
            HttpURLConnection connection = (HttpURLConnection)
                    URI.create(managementUrl() + "/q/health/ready").toURL().openConnection();
            connection.setConnectTimeout(1_000);
            connection.setReadTimeout(2_000);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
