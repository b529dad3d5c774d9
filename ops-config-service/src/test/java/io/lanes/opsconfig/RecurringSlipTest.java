package io.lanes.opsconfig;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lanes.contracts.CloudEvent;
import io.lanes.contracts.CloudEventCodec;
import io.lanes.contracts.EventType;
import io.lanes.contracts.LanesEvent;
import io.lanes.contracts.matter.HandoffReceived;
import io.lanes.contracts.matter.MilestoneSlipped;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.LanesInfraResource;
import io.lanes.testing.TopicWriter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The PM-to-ops feedback loop over the real broker: slips of one template across matters raise one flag. */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class RecurringSlipTest {

    private static final String OPS = DevTokens.forRole("ops");

    /** A matter of the type, and its slips of the template on the given detection days. */
    private static List<ProducerRecord<String, byte[]>> matterWithSlips(
            String matterType, String templateKey, LocalDate... detectedOn) {
        UUID matter = UUID.randomUUID();
        List<LanesEvent> events = new ArrayList<>();
        events.add(new HandoffReceived(
                matter,
                UUID.randomUUID(),
                1,
                "construction",
                matterType,
                "construction-team",
                Instant.parse("2026-01-05T09:00:00Z")));
        for (LocalDate day : detectedOn) {
            events.add(new MilestoneSlipped(
                    matter,
                    UUID.randomUUID(),
                    templateKey,
                    "Pleadings",
                    day.minusDays(3),
                    day,
                    3,
                    "pm",
                    "L200",
                    false,
                    UUID.randomUUID(),
                    day.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            records.add(CloudEventCodec.toRecord(
                    EventType.of(events.get(i)).topic().topicName(),
                    CloudEvent.of(events.get(i), UUID.randomUUID(), i + 1)));
        }
        return records;
    }

    private static long slipsSeen(String matterType) {
        return LanesInfra.get()
                .database()
                .queryLong("SELECT count(*) FROM ops_milestone_slip WHERE matter_type = ?", matterType);
    }

    @Test
    void slipsOfOneTemplateInThreeMattersWithinThirtyDaysRaiseOneFlag() {
        String matterType = "claim-" + UUID.randomUUID().toString().substring(0, 8);
        List<ProducerRecord<String, byte[]>> first =
                matterWithSlips(matterType, "pleadings", LocalDate.parse("2026-02-02"));
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(first);
        records.addAll(
                matterWithSlips(matterType, "pleadings", LocalDate.parse("2026-02-10"), LocalDate.parse("2026-02-12")));
        records.addAll(matterWithSlips(matterType, "pleadings", LocalDate.parse("2026-03-03")));
        // Another template, and a fourth matter's slip: neither makes a second flag for this pattern.
        records.addAll(matterWithSlips(matterType, "discovery-plan", LocalDate.parse("2026-02-11")));
        records.addAll(matterWithSlips(matterType, "pleadings", LocalDate.parse("2026-03-04")));
        try (TopicWriter writer = TopicWriter.of()) {
            records.forEach(writer::send);
            first.forEach(writer::send); // redelivered
        }

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> slipsSeen(matterType) == 6);
        given().auth()
                .oauth2(OPS)
                .queryParam("matterType", matterType)
                .get("/improvement-flags")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].templateKey", equalTo("pleadings"))
                .body("[0].status", equalTo("OPEN"))
                .body("[0].matters", hasSize(3))
                .body("[0].windowStart", equalTo("2026-02-02"))
                .body("[0].windowEnd", equalTo("2026-03-03"))
                .body("[0].raisedBy", equalTo("lanes/recurring-slip-detector"));
    }

    @Test
    void slipsSpreadBeyondTheWindowOrOverTooFewMattersRaiseNothing() {
        String matterType = "lease-" + UUID.randomUUID().toString().substring(0, 8);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        records.addAll(matterWithSlips(matterType, "redline", LocalDate.parse("2026-01-05")));
        records.addAll(matterWithSlips(matterType, "redline", LocalDate.parse("2026-01-20")));
        records.addAll(
                matterWithSlips(matterType, "redline", LocalDate.parse("2026-02-04"))); // 31 days after the first
        records.addAll(
                matterWithSlips(matterType, "signing", LocalDate.parse("2026-02-05"), LocalDate.parse("2026-02-06")));
        try (TopicWriter writer = TopicWriter.of()) {
            records.forEach(writer::send);
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> slipsSeen(matterType) == 5);
        assertEquals(
                List.of(),
                given().auth()
                        .oauth2(OPS)
                        .queryParam("matterType", matterType)
                        .get("/improvement-flags")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList(""));
    }
}
