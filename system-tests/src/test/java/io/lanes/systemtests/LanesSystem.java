package io.lanes.systemtests;

import io.lanes.testing.LanesInfra;
import io.lanes.testing.PostgresDatabase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The five services as {@code deploy/local/run} starts them, each on a database of its own, on this JVM's infra. */
final class LanesSystem implements AutoCloseable {

    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    static final Path LOGS = Path.of("target", "system-test-logs").toAbsolutePath();

    final ServiceProcess ops;
    final ServiceProcess intake;
    final ServiceProcess matter;
    final ServiceProcess kpi;
    final ServiceProcess subscriptions;
    private final Map<String, PostgresDatabase> databases = new HashMap<>();

    private LanesSystem() {
        LanesInfra infra = LanesInfra.get();
        matter = launch("matter-service", environment(infra, "sys_matter"));
        Map<String, String> playbooks = environment(infra, "sys_ops");
        // A draft's replay runs in matter-service.
        playbooks.put("LANES_LINKS_MATTER_SERVICE", matter.baseUrl());
        ops = launch("ops-config-service", playbooks);
        intake = launch("intake-service", environment(infra, "sys_intake"));
        kpi = launch("kpi-service", environment(infra, "sys_kpi"));
        Map<String, String> hooks = environment(infra, "sys_subscription");
        // Retries a few seconds apart, so a test can kill the service between two attempts.
        hooks.put("LANES_HOOKS_RETRY_SCHEDULE", "3s,3s,3s");
        subscriptions = launch("subscription-service", hooks);
    }

    /** Each service writes its spans to a file of its own (SpanFiles), a fifth of a second after they end. */
    private static ServiceProcess launch(String service, Map<String, String> env) {
        env.put("LANES_TRACES_EXPORTER", "file");
        env.put(
                "LANES_TRACES_FILE",
                SpanFiles.DIRECTORY.resolve(service + ".jsonl").toString());
        env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
        return ServiceProcess.launch(REPOSITORY, service, env, LOGS);
    }

    /** Launches the five services together (they start in parallel) and waits until each is ready. */
    static LanesSystem start() {
        LanesSystem system = new LanesSystem();
        system.services().forEach(ServiceProcess::awaitReady);
        return system;
    }

    List<ServiceProcess> services() {
        return List.of(ops, intake, matter, kpi, subscriptions);
    }

    /** The database kpi-service projects into. */
    PostgresDatabase kpiDatabase() {
        return databases.get("sys_kpi");
    }

    private Map<String, String> environment(LanesInfra infra, String database) {
        PostgresDatabase db = infra.postgres().createDatabase(database);
        databases.put(database, db);
        Map<String, String> env = localEnvironment(infra, db);
        env.put("LANES_DETECTION_INTERVAL", "2s");
        env.put("LANES_DETECTION_DELAY", "1s");
        return env;
    }

    /** As the run command starts a service: the local profile, trusting the development tokens. */
    static Map<String, String> localEnvironment(LanesInfra infra, String database) {
        return localEnvironment(infra, infra.postgres().createDatabase(database));
    }

    private static Map<String, String> localEnvironment(LanesInfra infra, PostgresDatabase db) {
        Map<String, String> env = infraEnvironment(infra, db);
        env.put("QUARKUS_PROFILE", "local");
        env.put(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                REPOSITORY.resolve("deploy/local/dev-keys/public.pem").toString());
        return env;
    }

    /** Where a service finds this JVM's broker and a database of its own; the token settings are the caller's. */
    static Map<String, String> infraEnvironment(LanesInfra infra, PostgresDatabase db) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafka().bootstrapServers());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", db.reactiveUrl());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", db.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", db.password());
        return env;
    }

    @Override
    public void close() {
        List.of(subscriptions, kpi, matter, intake, ops).forEach(ServiceProcess::close);
    }
}
