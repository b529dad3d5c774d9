package io.lanes.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * The real infrastructure of one test JVM: a Kafka broker with the contract's topics and a fresh
 * PostgreSQL database, started on first use and stopped when the JVM exits, so every test class and
 * every Quarkus restart in the JVM shares them.
 */
public final class LanesInfra {

    private static LanesInfra instance;

    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final PostgresDatabase database;
    private final int managementPort = FreePorts.next();

    private LanesInfra(KafkaBroker kafka, PostgresServer postgres, PostgresDatabase database) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.database = database;
    }

    public static synchronized LanesInfra get() {
        if (instance == null) {
            KafkaBroker kafka = KafkaBroker.startTemporary();
            try {
                LanesTopics.createAll(kafka.bootstrapServers(), 3);
                PostgresServer postgres = PostgresServer.fromEnvironmentOrEmbedded();
                PostgresDatabase database = postgres.createDatabase("lanes_test");
                LanesInfra infra = new LanesInfra(kafka, postgres, database);
                Runtime.getRuntime().addShutdownHook(new Thread(infra::shutdown, "lanes-infra-shutdown"));
                instance = infra;
            } catch (RuntimeException e) {
                kafka.close();
                throw e;
            }
        }
        return instance;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** The database created for this JVM. */
    public PostgresDatabase database() {
        return database;
    }

    /** The configuration that points a Quarkus service at this infrastructure. */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new HashMap<>(database.quarkusConfig());
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        // A free management port per JVM, so two test runs on one machine never collide on 9001.
        config.put("quarkus.management.test-port", Integer.toString(managementPort));
        return config;
    }

    private void shutdown() {
        kafka.close();
        try {
            postgres.dropDatabase(database.database());
        } finally {
            postgres.close();
        }
    }
}
