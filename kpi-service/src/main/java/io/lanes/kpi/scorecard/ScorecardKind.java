package io.lanes.kpi.scorecard;

import io.lanes.contracts.EventType;
import io.lanes.contracts.KpiKey;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The three scorecards, as the API paths name them. */
public enum ScorecardKind {
    OPS(KpiKey.Scorecard.OPS, EnumSet.of(EventType.INTAKE_COMPLETE, EventType.HANDOFF_RECEIVED,
            EventType.HANDOFF_ACCEPTED, EventType.HANDOFF_REJECTED, EventType.TIME_RECORDED,
            EventType.PLAYBOOK_PUBLISHED)),
    PM(KpiKey.Scorecard.PM, EnumSet.of(EventType.HANDOFF_RECEIVED, EventType.HANDOFF_ACCEPTED,
            EventType.MILESTONE_PLANNED, EventType.MILESTONE_REPLANNED, EventType.MILESTONE_COMPLETED,
            EventType.MILESTONE_SLIPPED, EventType.TASK_ASSIGNED, EventType.TASK_COMPLETED, EventType.TIME_RECORDED,
            EventType.STATUS_UPDATE_SENT, EventType.ESCALATION_RAISED, EventType.ESCALATION_RESOLVED,
            EventType.MATTER_CLOSED, EventType.PLAYBOOK_PUBLISHED)),
    SHARED(KpiKey.Scorecard.SHARED, EnumSet.of(EventType.HANDOFF_RECEIVED, EventType.HANDOFF_ACCEPTED,
            EventType.MILESTONE_PLANNED, EventType.MILESTONE_REPLANNED, EventType.MILESTONE_COMPLETED,
            EventType.MILESTONE_SLIPPED, EventType.DEADLINE_MISSED, EventType.CLIENT_FEEDBACK_RECORDED,
            EventType.WRITE_DOWN_RECORDED, EventType.MATTER_CLOSED, EventType.PLAYBOOK_PUBLISHED));

    private final KpiKey.Scorecard scorecard;
    private final Set<EventType> facts;

    ScorecardKind(KpiKey.Scorecard scorecard, Set<EventType> facts) {
        this.scorecard = scorecard;
        this.facts = Collections.unmodifiableSet(facts);
    }

    /** The event types its KPIs (and their filters and targets) are computed from. */
    public Set<EventType> facts() {
        return facts;
    }

    /** The event types of several scorecards together. */
    public static Set<EventType> factsOf(ScorecardKind... kinds) {
        Set<EventType> all = EnumSet.noneOf(EventType.class);
        Arrays.stream(kinds).forEach(k -> all.addAll(k.facts));
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
