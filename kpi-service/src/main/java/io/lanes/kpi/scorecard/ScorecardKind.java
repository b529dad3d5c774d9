package io.lanes.kpi.scorecard;

import io.lanes.contracts.EventType;
import io.lanes.contracts.KpiKey;
import io.lanes.kpi.facts.FactNeeds;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The three scorecards, as the API paths name them. */
public enum ScorecardKind {
    OPS(
            KpiKey.Scorecard.OPS,
            FactNeeds.of(
                    false,
                    EventType.INTAKE_COMPLETE,
                    EventType.HANDOFF_RECEIVED,
                    EventType.HANDOFF_ACCEPTED,
                    EventType.HANDOFF_REJECTED,
                    EventType.TIME_RECORDED,
                    EventType.PLAYBOOK_PUBLISHED)),
    PM(
            KpiKey.Scorecard.PM,
            FactNeeds.of(
                    true,
                    EventType.HANDOFF_RECEIVED,
                    EventType.HANDOFF_ACCEPTED,
                    EventType.MILESTONE_PLANNED,
                    EventType.MILESTONE_REPLANNED,
                    EventType.MILESTONE_COMPLETED,
                    EventType.MILESTONE_SLIPPED,
                    EventType.TASK_ASSIGNED,
                    EventType.TASK_COMPLETED,
                    EventType.STATUS_UPDATE_SENT,
                    EventType.ESCALATION_RAISED,
                    EventType.ESCALATION_RESOLVED,
                    EventType.MATTER_CLOSED,
                    EventType.PLAYBOOK_PUBLISHED)),
    SHARED(
            KpiKey.Scorecard.SHARED,
            FactNeeds.of(
                    false,
                    EventType.HANDOFF_RECEIVED,
                    EventType.HANDOFF_ACCEPTED,
                    EventType.MILESTONE_PLANNED,
                    EventType.MILESTONE_REPLANNED,
                    EventType.MILESTONE_COMPLETED,
                    EventType.MILESTONE_SLIPPED,
                    EventType.DEADLINE_MISSED,
                    EventType.CLIENT_FEEDBACK_RECORDED,
                    EventType.WRITE_DOWN_RECORDED,
                    EventType.MATTER_CLOSED,
                    EventType.PLAYBOOK_PUBLISHED));

    private final KpiKey.Scorecard scorecard;
    private final FactNeeds facts;

    ScorecardKind(KpiKey.Scorecard scorecard, FactNeeds facts) {
        this.scorecard = scorecard;
        this.facts = facts;
    }

    /** What its KPIs (and their filters and targets) are computed from. */
    public FactNeeds facts() {
        return facts;
    }

    /** What several scorecards together are computed from. */
    public static FactNeeds factsOf(ScorecardKind first, ScorecardKind... more) {
        FactNeeds all = first.facts;
        for (ScorecardKind kind : more) {
            all = all.and(kind.facts);
        }
        return all;
    }

    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean holds(KpiKey key) {
        return key.scorecard() == scorecard;
    }

    public static Optional<ScorecardKind> fromPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path().equals(path)).findFirst();
    }
}
