package io.lanes.kpi.diagnosis;

import io.lanes.contracts.matter.VarianceLevel;
import io.lanes.kpi.scorecard.KpiContext;
import io.lanes.kpi.scorecard.Period;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The PM failures of a period by matter: milestone slips detected in it, tasks due in it that ended
 * overdue, and budget variances that reached the escalation level in it.
 */
public final class PmFailures {

    /** One matter's failures. */
    public record MatterFailures(UUID matterId, long slips, long overdueTasks, long budgetEscalations) {
        public long total() {
            return slips + overdueTasks + budgetEscalations;
        }
    }

    private PmFailures() {}

    /** Every matter open in the period and in scope, most failures first (ties by id, for a stable answer). */
    public static List<MatterFailures> byMatter(KpiContext c) {
        Period p = c.period();
        Map<UUID, long[]> counts = new HashMap<>();
        c.facts().profiles().stream()
                .filter(m -> m.openDuring(p.start(), p.end()) && c.scope().matches(m))
                .forEach(m -> counts.put(m.matterId(), new long[3]));
        c.facts().slips().stream().filter(s -> p.contains(s.occurredAt())).forEach(s -> count(counts, s.matterId(), 0));
        c.facts().tasks().stream()
                .filter(t -> p.contains(t.dueDate()) && t.decidedAsOf(c.asOfDate()) && t.overdueAsOf(c.asOfDate()))
                .forEach(t -> count(counts, t.matterId(), 1));
        c.facts().budgetVariances().stream()
                .filter(v -> v.level() == VarianceLevel.ESCALATION && p.contains(v.occurredAt()))
                .forEach(v -> count(counts, v.matterId(), 2));
        return counts.entrySet().stream()
                .map(e -> new MatterFailures(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .sorted(Comparator.comparingLong(MatterFailures::total)
                        .reversed()
                        .thenComparing(m -> m.matterId().toString()))
                .collect(Collectors.toList());
    }

    /** Only matters of the portfolio (open in the period, in scope) count. */
    private static void count(Map<UUID, long[]> counts, UUID matterId, int kind) {
        long[] c = counts.get(matterId);
        if (c != null) {
            c[kind]++;
        }
    }
}
