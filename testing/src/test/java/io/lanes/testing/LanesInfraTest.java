package io.lanes.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lanes.contracts.Topic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class LanesInfraTest {

    private final LanesInfra infra = LanesInfra.get();

    @Test
    void producesAndConsumesARecordOnTheRealBroker() throws Exception {
        String topic = "lanes.testing.smoke." + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, "hello")).get(30, TimeUnit.SECONDS);
        }
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        infra.kafka().bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "smoke-" + key,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }
        assertEquals(1, received.size());
        assertEquals(key, received.get(0).key());
        assertEquals("hello", received.get(0).value());
    }

    @Test
    void createsTheContractTopicsWithTheirConfigs() throws Exception {
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers()))) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            for (Topic topic : Topic.values()) {
                assertTrue(names.contains(topic.topicName()), topic.topicName());
                assertTrue(names.contains(topic.deadLetterTopicName()), topic.deadLetterTopicName());
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.topicName());
                Config config = admin.describeConfigs(List.of(resource))
                        .all()
                        .get(30, TimeUnit.SECONDS)
                        .get(resource);
                topic.configs()
                        .forEach((name, value) ->
                                assertEquals(value, config.get(name).value(), topic + " " + name));
            }
        }
    }

    @Test
    void aTopicLeftByAnOlderReleaseIsGivenTheContractsConfigs() throws Exception {
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers()))) {
            ConfigResource opsConfig = new ConfigResource(ConfigResource.Type.TOPIC, Topic.OPS_CONFIG.topicName());
            admin.incrementalAlterConfigs(Map.of(
                            opsConfig,
                            List.of(new AlterConfigOp(
                                    new ConfigEntry("cleanup.policy", "compact"), AlterConfigOp.OpType.SET))))
                    .all()
                    .get(30, TimeUnit.SECONDS);

            LanesTopics.createAll(infra.kafka().bootstrapServers(), 1);

            Config config = admin.describeConfigs(List.of(opsConfig))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(opsConfig);
            assertEquals("delete", config.get("cleanup.policy").value(), "every playbook version is kept (1.1)");
            assertEquals("-1", config.get("retention.ms").value());
        }
    }

    @Test
    void roundTripsARowInTheFreshDatabase() throws Exception {
        try (Connection c = infra.database().connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE smoke (id uuid PRIMARY KEY, note text NOT NULL)");
            UUID id = UUID.randomUUID();
            s.execute("INSERT INTO smoke VALUES ('" + id + "', 'persisted')");
            try (ResultSet rs = s.executeQuery("SELECT note, current_setting('server_version_num')::int FROM smoke")) {
                assertTrue(rs.next());
                assertEquals("persisted", rs.getString(1));
                assertTrue(rs.getInt(2) >= 150000, "PostgreSQL 15 or newer");
            }
        }
        assertTrue(infra.database().database().startsWith("lanes_test_"));
    }

    @Test
    void brokerComesBackOnTheSamePortAfterAStop() throws Exception {
        KafkaBroker broker = KafkaBroker.startTemporary();
        try {
            String bootstrap = broker.bootstrapServers();
            broker.stop();
            assertTrue(!broker.isRunning());
            broker.start();
            assertEquals(bootstrap, broker.bootstrapServers());
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                assertEquals(
                        1,
                        admin.describeCluster()
                                .nodes()
                                .get(30, TimeUnit.SECONDS)
                                .size());
            }
            assertTrue(
                    Files.readString(broker.logFile(), StandardCharsets.UTF_8).contains("Kafka Server started"),
                    "broker log is written to a file");
        } finally {
            broker.close();
        }
        assertTrue(Files.notExists(broker.logFile()), "a temporary broker leaves no files behind");
    }
}
