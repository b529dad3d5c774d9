package io.lanes.kpi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.lanes.contracts.CloudEvent;
import io.lanes.contracts.CloudEventCodec;
import io.lanes.contracts.EventType;
import io.lanes.contracts.LanesEvent;
import io.lanes.contracts.Routing;
import io.lanes.contracts.matter.Budget;
import io.lanes.contracts.matter.HandoffAccepted;
import io.lanes.contracts.matter.MatterClosed;
import io.lanes.contracts.matter.MilestoneCompleted;
import io.lanes.contracts.matter.PhaseAmount;
import io.lanes.contracts.matter.PlannedMilestone;
import io.lanes.contracts.matter.PlannedTask;
import io.lanes.contracts.matter.TaskCompleted;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.contracts.opsconfig.PlaybookPublished.Thresholds;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.LanesInfraResource;
import io.lanes.testing.TopicWriter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What version 2 of a playbook did, over the real broker: two cohorts of six lease renewals, one
 * accepted on each version, each with 30 milestones and 30 tasks; every expected number worked out
 * by hand below. The firm lives in 2023 and has a matter type of its own, so it meets no other test's data.
 */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class PlaybookImpactTest {

    private static final String TYPE = "lease-renewal";
    private static final String IMPACT = "/playbooks/" + TYPE + "/versions/{v}/impact";
    private static final int MATTERS = 6;
    private static final int PER_MATTER = 5;

    @BeforeAll
    static void publishTheFirm() {
        List<LanesEvent> events = new ArrayList<>();
        events.add(playbook(1, Instant.parse("2023-01-02T09:00:00Z")));
        events.add(playbook(2, Instant.parse("2023-06-01T09:00:00Z")));
        // Version 1: 12 of 30 milestones on time, 13 of 30 tasks late. Version 2: 24 and 10.
        cohort(1, "2023-02", "2023-03", 12, 13, events);
        cohort(2, "2023-07", "2023-08", 24, 10, events);
        List<String> ceIds = new ArrayList<>();
        try (TopicWriter writer = TopicWriter.of()) {
            for (int i = 0; i < events.size(); i++) {
                LanesEvent event = events.get(i);
                UUID ceId = id("event-" + i);
                ceIds.add("'" + ceId + "'");
                writer.send(CloudEventCodec.toRecord(
                        EventType.of(event).topic().topicName(), CloudEvent.of(event, ceId, i + 1)));
            }
        }
        String applied = "SELECT count(*) FROM kpi_fact WHERE ce_id IN (" + String.join(", ", ceIds) + ")";
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> LanesInfra.get().database().queryLong(applied) == ceIds.size());
    }

    @Test
    void aRateThatImprovedBeyondChanceOneWithinItAndSamplesBelowTheMinimum() {
        ValidatableResponse impact = impact("ops", 2).statusCode(200);
        impact.body("matterType", equalTo(TYPE))
                .body("version", equalTo(2))
                .body("previousVersion", equalTo(1))
                .body("matters", equalTo(MATTERS))
                .body("previousMatters", equalTo(MATTERS))
                .body("from", equalTo("2023-01-02"))
                .body("minimumSample", equalTo(20))
                .body("significanceLevel", equalTo(0.05f));
        // On-time milestones 24/30 = 0.8 against 12/30 = 0.4. Pooled p = 36/60 = 0.6; standard error
        // sqrt(0.6 * 0.4 * (1/30 + 1/30)) = sqrt(0.016) = 0.126491; z = 0.4 / 0.126491 = 3.162;
        // two-sided p = erfc(3.162 / sqrt 2) = 0.0016 < 0.05, and higher is better: BETTER.
        kpi(impact, "onTimeMilestoneRate")
                .body(at("onTimeMilestoneRate", "version.value"), equalTo(0.8f))
                .body(at("onTimeMilestoneRate", "version.numerator"), equalTo(24))
                .body(at("onTimeMilestoneRate", "version.denominator"), equalTo(30))
                .body(at("onTimeMilestoneRate", "previousVersion.value"), equalTo(0.4f))
                .body(at("onTimeMilestoneRate", "difference"), equalTo(0.4f))
                .body(at("onTimeMilestoneRate", "test.name"), equalTo("two-proportion z-test"))
                .body(at("onTimeMilestoneRate", "test.z"), equalTo(3.162f))
                .body(at("onTimeMilestoneRate", "test.pValue"), equalTo(0.0016f))
                .body(at("onTimeMilestoneRate", "verdict"), equalTo("BETTER"));
        // Overdue tasks 10/30 = 0.3333 against 13/30 = 0.4333. Pooled p = 23/60 = 0.383333; standard error
        // sqrt(0.383333 * 0.616667 * (2/30)) = 0.125536; z = (0.333333 - 0.433333) / 0.125536 = -0.797;
        // p = erfc(0.797 / sqrt 2) = 0.4257 >= 0.05: fewer late tasks, but chance explains it.
        kpi(impact, "overdueTaskRate")
                .body(at("overdueTaskRate", "version.value"), equalTo(0.3333f))
                .body(at("overdueTaskRate", "previousVersion.value"), equalTo(0.4333f))
                .body(at("overdueTaskRate", "difference"), equalTo(-0.1f))
                .body(at("overdueTaskRate", "test.z"), equalTo(-0.797f))
                .body(at("overdueTaskRate", "test.pValue"), equalTo(0.4257f))
                .body(at("overdueTaskRate", "verdict"), equalTo("WITHIN_CHANCE"));
        // Three matters of each cohort closed, each after 200 of a planned 100 days: a ratio of 2 on both
        // sides, but 3 < 20 matters, so no test is made. The same for intake-to-open over 6 acceptances each.
        kpi(impact, "cycleTimeVsPlan")
                .body(at("cycleTimeVsPlan", "version.value"), equalTo(2.0f))
                .body(at("cycleTimeVsPlan", "version.sampleSize"), equalTo(3))
                .body(at("cycleTimeVsPlan", "test"), nullValue())
                .body(at("cycleTimeVsPlan", "verdict"), equalTo("NOT_ENOUGH_DATA"));
        kpi(impact, "intakeToOpenHours")
                .body(at("intakeToOpenHours", "version.sampleSize"), equalTo(MATTERS))
                .body(at("intakeToOpenHours", "verdict"), equalTo("NOT_ENOUGH_DATA"));
    }

    @Test
    void leadershipReadsItToo() {
        impact("leadership", 2).statusCode(200).body("version", equalTo(2));
    }

    @Test
    void anUnknownVersionOrMatterTypeIsNotFound() {
        impact("ops", 3).statusCode(404).contentType("application/problem+json");
        given().auth()
                .oauth2(DevTokens.forRole("ops"))
                .get("/playbooks/no-such-type/versions/2/impact")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theFirstVersionHasNothingToCompareWith() {
        impact("ops", 1)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("version"))
                .body("errors[0].code", equalTo("no-previous-version"));
    }

    @Test
    void aVersionThatIsNotAPositiveWholeNumberIsABadRequestNamingIt() {
        for (String bad : List.of("0", "-1", "two", "2.5")) {
            given().auth()
                    .oauth2(DevTokens.forRole("ops"))
                    .get("/playbooks/" + TYPE + "/versions/" + bad + "/impact")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("version"));
        }
    }

    @Test
    void onlyOpsAndLeadershipMayAsk() {
        impact("pm", 2).statusCode(403);
        given().get(IMPACT, 2).then().statusCode(401);
    }

    private static ValidatableResponse impact(String role, int version) {
        return given().auth()
                .oauth2(DevTokens.forRole(role))
                .get(IMPACT, version)
                .then();
    }

    private static ValidatableResponse kpi(ValidatableResponse impact, String key) {
        return impact.body("kpis.find { it.key == '" + key + "' }.key", equalTo(key));
    }

    private static String at(String key, String path) {
        return "kpis.find { it.key == '" + key + "' }." + path;
    }

    /**
     * Six matters accepted on {@code version} in {@code acceptedIn} (a year-month), five milestones and
     * five tasks each due in {@code dueIn}; the first {@code onTime} milestones (of 30) completed a day
     * early, the rest three days late; the first {@code lateTasks} tasks completed two days late, the
     * rest on their day. The first three matters close 200 days after opening, planned for 100.
     */
    private static void cohort(
            int version, String acceptedIn, String dueIn, int onTime, int lateTasks, List<LanesEvent> events) {
        for (int m = 0; m < MATTERS; m++) {
            UUID matter = id("v" + version + "-matter-" + m);
            Instant accepted = Instant.parse(acceptedIn + "-0" + (m + 1) + "T10:00:00Z");
            LocalDate opened = LocalDate.parse(acceptedIn + "-0" + (m + 1));
            List<PlannedMilestone> milestones = new ArrayList<>();
            List<PlannedTask> tasks = new ArrayList<>();
            for (int i = 0; i < PER_MATTER; i++) {
                LocalDate due = LocalDate.parse(dueIn + "-1" + i);
                milestones.add(new PlannedMilestone(
                        id("v" + version + "-ms-" + m + "-" + i),
                        "step" + i,
                        "Step " + i,
                        due,
                        "associate",
                        "L100",
                        false));
                tasks.add(new PlannedTask(
                        id("v" + version + "-task-" + m + "-" + i), "task" + i, null, "Task " + i, "alice", due));
            }
            events.add(new HandoffAccepted(
                    matter,
                    "LR-" + version + "-" + m,
                    id("v" + version + "-intake-" + m),
                    accepted.minus(Duration.ofHours(4 + m)),
                    "p.patel",
                    "real-estate",
                    TYPE,
                    "property",
                    "alice",
                    version,
                    true,
                    "USD",
                    new Budget(new BigDecimal("1000"), List.of(new PhaseAmount("L100", new BigDecimal("1000")))),
                    milestones,
                    tasks,
                    opened.plusDays(100),
                    List.of(),
                    accepted));
            for (int i = 0; i < PER_MATTER; i++) {
                int n = m * PER_MATTER + i;
                PlannedMilestone milestone = milestones.get(i);
                LocalDate doneOn = n < onTime
                        ? milestone.dueDate().minusDays(1)
                        : milestone.dueDate().plusDays(3);
                events.add(new MilestoneCompleted(
                        matter,
                        milestone.milestoneId(),
                        milestone.dueDate(),
                        doneOn,
                        n < onTime,
                        false,
                        doneOn.atTime(17, 0).toInstant(ZoneOffset.UTC)));
                PlannedTask task = tasks.get(i);
                LocalDate taskDone = n < lateTasks ? task.dueDate().plusDays(2) : task.dueDate();
                events.add(new TaskCompleted(
                        matter,
                        task.taskId(),
                        "alice",
                        task.dueDate(),
                        taskDone,
                        n >= lateTasks,
                        taskDone.atTime(16, 0).toInstant(ZoneOffset.UTC)));
            }
            if (m < 3) {
                LocalDate closed = opened.plusDays(200);
                events.add(new MatterClosed(
                        matter,
                        opened,
                        opened.plusDays(100),
                        closed,
                        "renewed",
                        closed.atTime(12, 0).toInstant(ZoneOffset.UTC)));
            }
        }
    }

    private static PlaybookPublished playbook(int version, Instant at) {
        return new PlaybookPublished(
                TYPE,
                version,
                "real-estate",
                "o.ramirez",
                List.of(),
                List.of(),
                new Routing("property", null),
                List.of(),
                List.of(),
                List.of(new PlaybookPublished.BudgetPhase("L100", BigDecimal.ONE)),
                new Thresholds(BigDecimal.TEN, new BigDecimal("20"), 2, 14, 24, null, null),
                List.of(),
                Map.of(),
                at);
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("impact-" + name).getBytes(StandardCharsets.UTF_8));
    }
}
