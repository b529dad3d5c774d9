package io.lanes.matter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.contracts.CloudEventCodec;
import io.lanes.contracts.EventJson;
import io.lanes.contracts.EventType;
import io.lanes.contracts.LanesEvent;
import io.lanes.contracts.MatterIds;
import io.lanes.contracts.Routing;
import io.lanes.contracts.Topic;
import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.intake.IntakeComplete.ChecklistEntry;
import io.lanes.contracts.intake.IntakeComplete.Client;
import io.lanes.contracts.intake.IntakeComplete.ClientKind;
import io.lanes.contracts.intake.IntakeComplete.KeyDate;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.contracts.opsconfig.PlaybookPublished.BudgetPhase;
import io.lanes.contracts.opsconfig.PlaybookPublished.ChecklistItem;
import io.lanes.contracts.opsconfig.PlaybookPublished.EscalationPath;
import io.lanes.contracts.opsconfig.PlaybookPublished.MilestoneTemplate;
import io.lanes.contracts.opsconfig.PlaybookPublished.TaskTemplate;
import io.lanes.contracts.opsconfig.PlaybookPublished.Thresholds;
import io.lanes.testing.DevTokens;
import io.lanes.testing.RecordHeaders;
import io.lanes.testing.TopicReader;
import io.lanes.testing.TopicWriter;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

/** Matters for matter-service's API tests: playbooks and packets on the real topics, events read back from them. */
final class MatterFixture {

    static final String PM = DevTokens.forUser("p.patel", "pm");

    private MatterFixture() {}

    /**
     * Version 1 of {@code matterType}'s playbook: phases L100 (20 % of the budget) and L200 (80 %),
     * warning at 80 % consumed, escalation at 100 %, two task templates, no escalation paths.
     */
    /** The firm's time zone: tests run in America/New_York, where today is not always UTC's. */
    static ZoneId firmZone() {
        return ZoneId.of(ConfigProvider.getConfig().getValue("lanes.firm.zone", String.class));
    }

    static LocalDate today() {
        return LocalDate.now(firmZone());
    }

    static void publishPlaybook(String matterType) {
        publishPlaybook(
                matterType,
                new Thresholds(new BigDecimal("80"), new BigDecimal("100"), 2, 14, 24, null, null),
                List.of());
    }

    /** The same playbook with these thresholds and escalation paths. */
    static void publishPlaybook(String matterType, Thresholds thresholds, List<EscalationPath> paths) {
        publish(playbook(matterType, 1, thresholds, paths), 1);
    }

    /** Version {@code version} of the fixture's playbook with these thresholds and escalation paths. */
    static PlaybookPublished playbook(
            String matterType, int version, Thresholds thresholds, List<EscalationPath> paths) {
        return new PlaybookPublished(
                matterType,
                version,
                "litigation",
                "o.ramirez",
                List.of(),
                List.of(new ChecklistItem("conflict-check", "Conflict check")),
                new Routing("litigation-east", "a.chen"),
                List.of(
                        new MilestoneTemplate(
                                "initial-case-assessment", "Initial case assessment", 8, "associate", "L100", false),
                        new MilestoneTemplate("pleadings", "Pleadings", 25, "associate", "L200", false)),
                List.of(
                        new TaskTemplate(
                                "litigation-hold",
                                "Send the litigation hold",
                                "initial-case-assessment",
                                2,
                                "responsibleAttorney"),
                        new TaskTemplate("collect-documents", "Collect the client's documents", null, 5, "paralegal")),
                List.of(new BudgetPhase("L100", new BigDecimal("0.2")), new BudgetPhase("L200", new BigDecimal("0.8"))),
                thresholds,
                paths,
                Map.of(),
                Instant.now());
    }

    /** A body of {@code POST /replays}: the candidate and the window of acceptance dates. */
    static ObjectNode replayRequest(PlaybookPublished candidate, LocalDate from, LocalDate to) {
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.set("playbook", EventJson.mapper().valueToTree(candidate));
        body.put("from", from.toString());
        body.put("to", to.toString());
        return body;
    }

    static void publish(LanesEvent event, long sequence) {
        try (TopicWriter writer = TopicWriter.of()) {
            writer.publish(event, sequence);
        }
    }

    /** A complete packet on the intake topic; returns the matter id it opens, once its handoff is pending. */
    static UUID handoff(String matterType, BigDecimal budget) {
        UUID intake = UUID.randomUUID();
        publish(
                new IntakeComplete(
                        intake,
                        matterType,
                        "litigation",
                        "Acme v. Globex",
                        new Client("Acme Corp", ClientKind.ORGANIZATION, null),
                        Map.of(),
                        List.of(new ChecklistEntry("conflict-check", true)),
                        List.of(new KeyDate("Statute of limitations", LocalDate.parse("2027-06-30"), true)),
                        budget,
                        "USD",
                        new Routing("litigation-east", "a.chen"),
                        Instant.now().minusSeconds(7_200),
                        1,
                        1,
                        "i.jones",
                        Instant.now()),
                1);
        UUID matter = MatterIds.fromIntake(intake);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> given().auth()
                                .oauth2(PM)
                                .when()
                                .get("/handoffs/" + matter)
                                .statusCode()
                        == 200);
        return matter;
    }

    /** A handoff accepted, once the playbook it needs has reached matter-service (422 until then). */
    /** The id of the matter's "Send the litigation hold" task, created from the playbook's template. */
    static String litigationHold(UUID matter) {
        return given().auth()
                .oauth2(PM)
                .get("/matters/" + matter)
                .then()
                .extract()
                .path("tasks.find { it.title == 'Send the litigation hold' }.id");
    }

    static UUID openMatter(String matterType, BigDecimal budget) {
        return openMatter(matterType, budget, PM);
    }

    /** A handoff accepted by the PM {@code token} names, who then runs the matter. */
    static UUID openMatter(String matterType, BigDecimal budget, String token) {
        UUID matter = handoff(matterType, budget);
        acceptWhenReady(matter, token);
        return matter;
    }

    /** Accepts the pending handoff as the PM {@code token} names, once its playbook has arrived. */
    static void acceptWhenReady(UUID matter, String token) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> given().auth()
                                .oauth2(token)
                                .contentType(ContentType.JSON)
                                .body("{}")
                                .when()
                                .post("/handoffs/" + matter + "/accept")
                                .statusCode()
                        != 422);
        given().auth()
                .oauth2(token)
                .when()
                .get("/matters/" + matter)
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"));
    }

    /** At least {@code atLeast} events of {@code type} about {@code matter} on {@code topic}, as JSON. */
    static List<JsonNode> events(UUID matter, EventType type, int atLeast, Topic topic) {
        try (TopicReader reader = TopicReader.of(topic.topicName())) {
            return reader
                    .await(
                            r -> matter.toString().equals(r.key())
                                    && type.ceType().equals(RecordHeaders.text(r, CloudEventCodec.H_TYPE)),
                            atLeast,
                            Duration.ofSeconds(30))
                    .stream()
                    .map(r -> EventJson.parse(r.value()))
                    .collect(Collectors.toList());
        }
    }
}
