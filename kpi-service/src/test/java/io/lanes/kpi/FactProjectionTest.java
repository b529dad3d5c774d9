package io.lanes.kpi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lanes.contracts.CloudEvent;
import io.lanes.contracts.CloudEventCodec;
import io.lanes.contracts.EventType;
import io.lanes.contracts.LanesEvent;
import io.lanes.contracts.MatterIds;
import io.lanes.contracts.Routing;
import io.lanes.contracts.intake.IntakeIncomplete;
import io.lanes.contracts.matter.MatterClosed;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.contracts.opsconfig.PlaybookPublished.Thresholds;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.LanesInfraResource;
import io.lanes.testing.TopicWriter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Facts from all three topics over the real broker, each kept once; the projection reports its progress. */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class FactProjectionTest {

    private static long facts(UUID ceId) {
        return LanesInfra.get().database().queryLong("SELECT count(*) FROM kpi_fact WHERE ce_id = ?", ceId);
    }

    private static ProducerRecord<String, byte[]> record(LanesEvent event, UUID ceId) {
        return CloudEventCodec.toRecord(EventType.of(event).topic().topicName(), CloudEvent.of(event, ceId, 1));
    }

    @Test
    void keepsEveryEventOnceWithItsMatterEvenWhenRedelivered() {
        UUID intake = UUID.randomUUID();
        UUID matter = MatterIds.fromIntake(intake);
        UUID intakeFact = UUID.randomUUID();
        UUID matterFact = UUID.randomUUID();
        UUID playbookFact = UUID.randomUUID();
        Instant at = Instant.parse("2026-03-02T14:05:00Z");
        try (TopicWriter writer = TopicWriter.of()) {
            writer.send(record(
                    new IntakeIncomplete(
                            intake,
                            "contract-review",
                            "corporate",
                            List.of("counterparty"),
                            List.of(),
                            1,
                            1,
                            "i.jones",
                            at),
                    intakeFact));
            ProducerRecord<String, byte[]> closed = record(
                    new MatterClosed(
                            matter,
                            LocalDate.parse("2026-03-02"),
                            LocalDate.parse("2026-04-30"),
                            LocalDate.parse("2026-04-20"),
                            "SIGNED",
                            at),
                    matterFact);
            writer.send(closed);
            writer.send(closed);
            writer.send(record(
                    new PlaybookPublished(
                            "kpi-test-" + intake,
                            1,
                            "corporate",
                            "o.ramirez",
                            List.of(),
                            List.of(),
                            new Routing("contracts", null),
                            List.of(),
                            List.of(),
                            List.of(),
                            new Thresholds(BigDecimal.TEN, new BigDecimal("20"), 1, 7, 24, null, null),
                            List.of(),
                            Map.of(),
                            at),
                    playbookFact));
        }

        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> facts(intakeFact) == 1 && facts(matterFact) == 1 && facts(playbookFact) == 1);
        assertEquals(
                2,
                LanesInfra.get().database().queryLong("SELECT count(*) FROM kpi_fact WHERE matter_id = ?", matter),
                "the intake's and the matter's events share the matter id");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> given()
                        .auth()
                        .oauth2(DevTokens.forRole("leadership"))
                        .get("/projection/status")
                        .jsonPath()
                        .getList("lag", Long.class)
                        .stream()
                        .allMatch(lag -> lag == 0));
        assertEquals(1, facts(matterFact), "a redelivered record is kept once");
    }

    @Test
    void statusCoversEveryPartitionOfTheProjectedTopics() {
        given().auth()
                .oauth2(DevTokens.forRole("leadership"))
                .when()
                .get("/projection/status")
                .then()
                .statusCode(200)
                .body("topic", hasItems("lanes.intake.v1", "lanes.matter.v1", "lanes.ops-config.v1"))
                .body("lag", everyItem(org.hamcrest.Matchers.greaterThanOrEqualTo(0)));
        given().when().get("/projection/status").then().statusCode(401);
        given().auth()
                .oauth2(DevTokens.forRole("intake"))
                .when()
                .get("/projection/status")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:lanes:problem:forbidden"));
    }
}
