package io.lanes.kpi;

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
import io.lanes.testing.LanesInfra;
import io.lanes.testing.TopicWriter;
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

/**
 * A firm that published version 2 of its lease-renewal playbook: two cohorts of six matters, one
 * accepted on each version, each with 30 milestones and 30 tasks. Version 1: 12 of 30 milestones on
 * time, 13 of 30 tasks late; version 2: 24 and 10. It lives in 2023 with a matter type of its own, so
 * it meets no other test's data; publishing it again changes nothing (the same ce_ids).
 */
final class ImpactFirm {

    static final String TYPE = "lease-renewal";
    static final int MATTERS = 6;
    private static final int PER_MATTER = 5;

    private ImpactFirm() {}

    /** Publishes the firm over the real broker and waits until kpi-service holds every event. */
    static void publish() {
        List<LanesEvent> events = new ArrayList<>();
        events.add(playbook(1, Instant.parse("2023-01-02T09:00:00Z")));
        events.add(playbook(2, Instant.parse("2023-06-01T09:00:00Z")));
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

    /**
     * Six matters accepted on {@code version} in {@code acceptedIn} (a year-month), five milestones and
     * five tasks each due in {@code dueIn}; the first {@code onTime} milestones (of 30) completed a day
     * early, the rest three days late; the first {@code lateTasks} tasks completed two days late, the
     * rest on their day. Every matter closes 200 days after opening, planned for 100: by February 2024 none
     * is open, so no later period's portfolio (the golden firm's 2025 scorecards) holds one.
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
