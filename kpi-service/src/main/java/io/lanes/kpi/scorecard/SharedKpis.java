package io.lanes.kpi.scorecard;

import io.lanes.contracts.matter.ClientFeedbackRecorded;
import io.lanes.contracts.matter.MatterClosed;
import io.lanes.contracts.matter.WriteDownCause;
import io.lanes.contracts.matter.WriteDownRecorded;
import io.lanes.kpi.facts.MatterProfile;
import io.lanes.kpi.facts.MilestoneRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The shared scorecard: outcomes both disciplines answer for (docs/kpis.md, `shared`). */
final class SharedKpis {

    private static final String UNKNOWN = "(unassigned)";

    private SharedKpis() {}

    /** Over hard-deadline milestones due in the period (and already due): the share that was missed. */
    static Kpi.Measurement missedDeadlineRate(KpiContext c) {
        List<MilestoneRecord> hard = c.facts().milestones().stream()
                .filter(m -> m.hardDeadline() && c.period().contains(m.dueDate()) && c.inScope(m.matterId()))
                .filter(m -> m.deadlineMissed() || m.completed() || m.dueDate().isBefore(c.asOfDate()))
                .collect(Collectors.toList());
        return Stats.rate(hard.stream().filter(MilestoneRecord::deadlineMissed).count(), hard.size(), Map.of());
    }

    /** Mean client feedback score (1..5) in the period. */
    static Kpi.Measurement clientSatisfaction(KpiContext c) {
        List<BigDecimal> scores = c.facts().feedback().stream()
                .filter(f -> c.period().contains(f.occurredAt()) && c.inScope(f.matterId()))
                .map(ClientFeedbackRecorded::score)
                .map(BigDecimal::valueOf)
                .collect(Collectors.toList());
        return new Kpi.Measurement(Stats.round(Stats.mean(scores), 2), "score", null, null, scores.size(), Map.of());
    }

    /** Write-downs caused by process failures in the period, and their share of all write-downs. */
    static Kpi.Measurement processWriteDowns(KpiContext c) {
        List<WriteDownRecorded> all = c.facts().writeDowns().stream()
                .filter(w -> c.period().contains(w.occurredAt()) && c.inScope(w.matterId()))
                .collect(Collectors.toList());
        if (all.isEmpty()) {
            return new Kpi.Measurement(null, "amount", null, null, 0, Map.of());
        }
        BigDecimal total = all.stream().map(WriteDownRecorded::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<WriteDownRecorded> process = all.stream()
                .filter(w -> w.cause() == WriteDownCause.PROCESS_FAILURE)
                .collect(Collectors.toList());
        BigDecimal amount = process.stream().map(WriteDownRecorded::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("processFailureCount", process.size());
        details.put("allWriteDowns", total.setScale(2, RoundingMode.HALF_UP));
        details.put("shareOfAllWriteDowns", total.signum() == 0 ? null : amount.divide(total, 4, RoundingMode.HALF_UP));
        return new Kpi.Measurement(amount.setScale(2, RoundingMode.HALF_UP), "amount", null, null, all.size(), details);
    }

    /**
     * Matters closed in the period per responsible attorney of the matters open in it; the breakdown by
     * attorney and by team is the point, the one number is closed matters over those attorneys.
     */
    static Kpi.Measurement throughputPerAttorney(KpiContext c) {
        List<MatterProfile> closed = c.facts().closed().stream()
                .filter(m -> c.period().contains(m.occurredAt()) && c.inScope(m.matterId()))
                .map(MatterClosed::matterId)
                .distinct()
                .map(c::profile)
                .filter(Objects::nonNull)
                .collect(Collectors.toList());
        long attorneys = c.facts().profiles().stream()
                .filter(p -> p.openDuring(c.period().start(), c.period().end())
                        && c.scope().matches(p))
                .map(p -> label(p.responsibleAttorney()))
                .distinct()
                .count();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(
                "byAttorney",
                new TreeMap<>(closed.stream()
                        .collect(Collectors.groupingBy(p -> label(p.responsibleAttorney()), Collectors.counting()))));
        details.put(
                "byTeam",
                new TreeMap<>(
                        closed.stream().collect(Collectors.groupingBy(p -> label(p.team()), Collectors.counting()))));
        BigDecimal value = attorneys == 0
                ? null
                : BigDecimal.valueOf(closed.size()).divide(BigDecimal.valueOf(attorneys), 2, RoundingMode.HALF_UP);
        return new Kpi.Measurement(
                value, "matters per attorney", (long) closed.size(), attorneys, closed.size(), details);
    }

    private static String label(String value) {
        return value == null ? UNKNOWN : value;
    }
}
