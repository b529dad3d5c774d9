package io.lanes.kpi.facts;

import io.lanes.contracts.EventType;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a computation reads: the event types it decodes, and whether it needs the time ledger (the
 * amounts of every time entry, read as columns rather than decoded events: budgets need all of them,
 * and they are the bulk of the facts).
 */
public record FactNeeds(Set<EventType> events, boolean timeLedger) {

    public FactNeeds {
        events = Collections.unmodifiableSet(EnumSet.copyOf(events));
    }

    public static FactNeeds of(boolean timeLedger, EventType first, EventType... rest) {
        return new FactNeeds(EnumSet.of(first, rest), timeLedger);
    }

    public FactNeeds and(FactNeeds other) {
        Set<EventType> both = EnumSet.copyOf(events);
        both.addAll(other.events);
        return new FactNeeds(both, timeLedger || other.timeLedger);
    }

    public FactNeeds and(EventType type) {
        Set<EventType> more = EnumSet.copyOf(events);
        more.add(type);
        return new FactNeeds(more, timeLedger);
    }
}
