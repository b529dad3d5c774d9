package io.lanes.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;

/**
 * The infrastructure of a local run ({@code deploy/local/infra}): the same Kafka broker and
 * PostgreSQL as the tests, but on fixed ports with data kept under {@code .lanes/} in the repository,
 * one database per service, the contract's topics created. Runs until stopped (Ctrl-C or SIGTERM),
 * then stops both cleanly. A command-line program: its report goes to standard output, and the last
 * line {@code READY} tells a script that everything answers.
 */
public final class LocalInfra {

    static final List<String> SERVICE_DATABASES =
            List.of("lanes_ops_config", "lanes_intake", "lanes_matter", "lanes_kpi", "lanes_subscription");

    private LocalInfra() {}

    /** {@code LocalInfra <state-dir>}: ports from LANES_KAFKA_PORT (9092) and LANES_PG_PORT (15432). */
    public static void main(String[] args) throws Exception {
        Path state = Path.of(args.length > 0 ? args[0] : ".lanes").toAbsolutePath();
        int kafkaPort = intEnv("LANES_KAFKA_PORT", 9092);
        int pgPort = intEnv("LANES_PG_PORT", 15432);

        KafkaBroker kafka = KafkaBroker.start(state.resolve("kafka"), kafkaPort, kafkaPort + 1, "768m");
        PostgresServer postgres = System.getenv(PostgresServer.URL_VARIABLE) != null
                ? PostgresServer.fromEnvironmentOrEmbedded()
                : EmbeddedPostgres.start(state.resolve("postgres").resolve("data"), pgPort, true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("stopping Kafka and PostgreSQL");
                            kafka.close();
                            postgres.close();
                            stopped.countDown();
                        },
                        "lanes-local-infra-stop"));

        LanesTopics.createAll(kafka.bootstrapServers(), 3);
        for (String name : SERVICE_DATABASES) {
            postgres.createDatabaseNamed(name);
        }
        Files.writeString(state.resolve("infra.env"), environment(kafka, postgres));
        System.out.println(describeTopics(kafka.bootstrapServers()) + "\nKafka " + kafka.bootstrapServers()
                + " (log " + kafka.logFile() + ")\nPostgreSQL "
                + postgres.admin().jdbcUrl() + " databases "
                + SERVICE_DATABASES + "\nenvironment for services: " + state.resolve("infra.env") + "\nREADY");
        stopped.await();
    }

    private static String environment(KafkaBroker kafka, PostgresServer postgres) {
        PostgresDatabase admin = postgres.admin();
        return String.join(
                "\n",
                "KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers(),
                "LANES_PG_HOST=" + admin.host(),
                "LANES_PG_PORT=" + admin.port(),
                "QUARKUS_DATASOURCE_USERNAME=" + admin.username(),
                "QUARKUS_DATASOURCE_PASSWORD=" + admin.password(),
                "");
    }

    /** One line per topic with the configs that differ from the broker defaults. */
    static String describeTopics(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<ConfigResource> resources = new ArrayList<>();
            for (String name :
                    new java.util.TreeSet<>(admin.listTopics().names().get())) {
                resources.add(new ConfigResource(ConfigResource.Type.TOPIC, name));
            }
            Map<ConfigResource, Config> configs =
                    admin.describeConfigs(resources).all().get();
            StringBuilder out = new StringBuilder("topics:");
            for (ConfigResource resource : resources) {
                out.append("\n  ").append(resource.name());
                configs.get(resource).entries().stream()
                        .filter(e -> e.source()
                                == org.apache.kafka.clients.admin.ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG)
                        .forEach(e ->
                                out.append(' ').append(e.name()).append('=').append(e.value()));
            }
            return out.toString();
        }
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
