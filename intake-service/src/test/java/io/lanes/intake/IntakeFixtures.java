package io.lanes.intake;

import io.lanes.contracts.LanesEvent;
import io.lanes.contracts.Routing;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.contracts.opsconfig.PlaybookPublished.BudgetPhase;
import io.lanes.contracts.opsconfig.PlaybookPublished.ChecklistItem;
import io.lanes.contracts.opsconfig.PlaybookPublished.FieldType;
import io.lanes.contracts.opsconfig.PlaybookPublished.MilestoneTemplate;
import io.lanes.contracts.opsconfig.PlaybookPublished.RequiredField;
import io.lanes.contracts.opsconfig.PlaybookPublished.Thresholds;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.TopicWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A playbook and intake bodies for the intake tests, and a way to publish contract events to the broker. */
final class IntakeFixtures {

    private IntakeFixtures() {}

    static PlaybookPublished playbook(String matterType, int version) {
        return new PlaybookPublished(
                matterType,
                version,
                "litigation",
                "o.ramirez",
                List.of(
                        new RequiredField("adverseParties", "Adverse parties", FieldType.TEXT, null, null, null),
                        new RequiredField(
                                "conflictCheckCleared", "Conflict check cleared", FieldType.BOOLEAN, null, true, null),
                        new RequiredField(
                                "statuteOfLimitationsDate",
                                "Statute of limitations date",
                                FieldType.DATE,
                                null,
                                null,
                                null),
                        new RequiredField(
                                "feeArrangement",
                                "Fee arrangement",
                                FieldType.ENUM,
                                List.of("HOURLY", "FIXED_FEE"),
                                null,
                                null)),
                List.of(
                        new ChecklistItem("conflict-check", "Conflict check cleared and documented"),
                        new ChecklistItem("engagement-letter", "Engagement letter countersigned")),
                new Routing(
                        "commercial-litigation",
                        "a.chen",
                        List.of(new Routing.Rule("feeArrangement", "FIXED_FEE", "fixed-fee-litigation", "m.lee"))),
                List.of(new MilestoneTemplate(
                        "initial-case-assessment", "Initial case assessment", 10, "associate", "L100", false)),
                List.of(),
                List.of(new BudgetPhase("L100", BigDecimal.ONE)),
                new Thresholds(new BigDecimal("10"), new BigDecimal("20"), 2, 14, 24, null, null),
                List.of(),
                Map.of(),
                Instant.now());
    }

    /** Publishes a contract event as its producing service would (key, CloudEvents headers). */
    static void publish(LanesEvent event, long sequence) {
        try (TopicWriter writer = TopicWriter.of()) {
            writer.publish(event, sequence);
        }
    }

    static long count(String sql, Object parameter) {
        return LanesInfra.get().database().queryLong(sql, parameter);
    }

    /** An intake body; {@code complete} fills every required field and ticks the checklist. */
    static String intake(String matterType, boolean complete) {
        String fields = complete
                ? "{\"adverseParties\":\"  Globex Ltd \",\"conflictCheckCleared\":true,"
                        + "\"statuteOfLimitationsDate\":\"2027-01-15\",\"feeArrangement\":\"HOURLY\"}"
                : "{\"adverseParties\":\"Globex Ltd\",\"statuteOfLimitationsDate\":\"next spring\"}";
        String checklist = complete
                ? "[{\"key\":\"conflict-check\",\"done\":true},{\"key\":\"engagement-letter\",\"done\":true}]"
                : "[{\"key\":\"conflict-check\",\"done\":true}]";
        return "{\"matterType\":\"" + matterType + "\",\"matterName\":\"Acme v. Globex\","
                + "\"client\":{\"name\":\"Acme Corp\",\"kind\":\"ORGANIZATION\",\"email\":\"legal@acme.example\"},"
                + "\"fields\":" + fields + ",\"checklist\":" + checklist + ","
                + "\"keyDates\":[{\"name\":\"Statute of limitations\",\"date\":\"2027-01-15\",\"hardDeadline\":true}],"
                + "\"estimatedBudget\":120000.00,\"currency\":\"USD\"}";
    }
}
