package io.lanes.kpi.scorecard;

import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.matter.EscalationRaised;
import io.lanes.contracts.matter.EscalationResolved;
import io.lanes.contracts.matter.HandoffAccepted;
import io.lanes.contracts.matter.MatterClosed;
import io.lanes.contracts.matter.StatusUpdateSent;
import io.lanes.kpi.facts.MilestoneRecord;
import io.lanes.kpi.facts.TaskRecord;
import io.lanes.kpi.facts.TimeAmount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The legal project management scorecard: how live matters stay on plan (docs/kpis.md, `pm`). */
final class PmKpis {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PmKpis() {}

    /** Over milestones due in the period that were completed or slipped: the share completed on time. */
    static Kpi.Measurement onTimeMilestoneRate(KpiContext c) {
        List<MilestoneRecord> decided = c.facts().milestones().stream()
                .filter(m -> c.period().contains(m.dueDate()) && c.inScope(m.matterId()))
                .filter(m -> m.completed() || m.slipped())
                .collect(Collectors.toList());
        return Stats.rate(
                decided.stream()
                        .filter(m -> Boolean.TRUE.equals(m.completedOnTime()))
                        .count(),
                decided.size(),
                Map.of());
    }

    /** Over tasks due in the period whose outcome is known: the share completed late or still open after the due date. */
    static Kpi.Measurement overdueTaskRate(KpiContext c) {
        List<TaskRecord> due = tasksDueIn(c);
        return Stats.rate(due.stream().filter(t -> t.overdueAsOf(c.asOfDate())).count(), due.size(), Map.of());
    }

    static List<TaskRecord> tasksDueIn(KpiContext c) {
        return c.facts().tasks().stream()
                .filter(t -> c.period().contains(t.dueDate()) && c.inScope(t.matterId()) && t.decidedAsOf(c.asOfDate()))
                .collect(Collectors.toList());
    }

    /** Median TOTAL budget variance (%) of the matters open in the period, as of its end; matters at or above warning listed. */
    static Kpi.Measurement budgetVariancePct(KpiContext c) {
        Map<UUID, BigDecimal> actual = c.facts().timeLedger().stream()
                .filter(t -> t.occurredAt().isBefore(c.period().end()))
                .collect(Collectors.groupingBy(
                        TimeAmount::matterId,
                        Collectors.reducing(BigDecimal.ZERO, TimeAmount::amount, BigDecimal::add)));
        List<BigDecimal> variances = new ArrayList<>();
        List<Map<String, Object>> aboveWarning = new ArrayList<>();
        for (HandoffAccepted a : c.facts().accepted()) {
            BigDecimal budget = a.budget().total();
            if (!c.inScope(a.matterId())
                    || !c.profile(a.matterId())
                            .openDuring(c.period().start(), c.period().end())
                    || budget.signum() <= 0) {
                continue;
            }
            BigDecimal variance = actual.getOrDefault(a.matterId(), BigDecimal.ZERO)
                    .subtract(budget)
                    .multiply(HUNDRED)
                    .divide(budget, 2, RoundingMode.HALF_UP);
            variances.add(variance);
            BigDecimal warning = c.facts()
                    .playbooks()
                    .forMatter(c.profile(a.matterId()))
                    .map(p -> p.thresholds().budgetWarningPct())
                    .orElse(c.defaults().budgetWarningPct());
            if (variance.compareTo(warning) >= 0) {
                Map<String, Object> matter = new LinkedHashMap<>();
                matter.put("matterId", a.matterId());
                matter.put("variancePct", variance);
                matter.put("warningPct", warning);
                aboveWarning.add(matter);
            }
        }
        aboveWarning.sort(Comparator.comparing((Map<String, Object> m) -> (BigDecimal) m.get("variancePct"))
                .reversed()
                .thenComparing(m -> m.get("matterId").toString()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mattersAboveWarning", aboveWarning);
        return new Kpi.Measurement(
                Stats.round(Stats.median(variances), 2), "percent", null, null, variances.size(), details);
    }

    /** Share of status updates sent on time, counting every cadence window that passed with no update as late. */
    static Kpi.Measurement onTimeStatusUpdateRate(KpiContext c) {
        List<StatusUpdateSent> sent = c.facts().statusUpdates().stream()
                .filter(s -> c.period().contains(s.occurredAt()) && c.inScope(s.matterId()))
                .collect(Collectors.toList());
        Set<String> answeredWindows = c.facts().statusUpdates().stream()
                .map(s -> s.matterId() + "/" + s.dueBy())
                .collect(Collectors.toSet());
        long missedWindows = c.facts().escalationsRaised().stream()
                .filter(e -> e.cause() == EscalationCause.STATUS_UPDATE_OVERDUE)
                .filter(e -> c.period().contains(e.occurredAt()) && c.inScope(e.matterId()))
                .filter(e -> !answeredWindows.contains(e.matterId() + "/" + windowDue(e)))
                .count();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sent", sent.size());
        details.put("windowsWithoutUpdate", missedWindows);
        return Stats.rate(sent.stream().filter(StatusUpdateSent::onTime).count(), sent.size() + missedWindows, details);
    }

    /** The due date an overdue-status-update escalation names (matter-service puts it in relatedId). */
    private static String windowDue(EscalationRaised overdue) {
        try {
            return LocalDate.parse(overdue.relatedId()).toString();
        } catch (DateTimeParseException e) {
            return overdue.relatedId();
        }
    }

    /** Median (and p90) hours to resolve escalations resolved in the period; and how many are open at its end. */
    static Kpi.Measurement escalationResolutionHours(KpiContext c) {
        List<BigDecimal> hours = c.facts().escalationsResolved().stream()
                .filter(r -> c.period().contains(r.occurredAt()) && c.inScope(r.matterId()))
                .map(r -> Stats.hours(r.raisedAt(), r.occurredAt()))
                .collect(Collectors.toList());
        Set<UUID> resolved = c.facts().escalationsResolved().stream()
                .filter(r -> r.occurredAt().isBefore(c.period().end()))
                .map(EscalationResolved::escalationId)
                .collect(Collectors.toSet());
        long open = c.facts().escalationsRaised().stream()
                .filter(e -> e.occurredAt().isBefore(c.period().end()) && c.inScope(e.matterId()))
                .map(EscalationRaised::escalationId)
                .distinct()
                .filter(id -> !resolved.contains(id))
                .count();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("p90", Stats.round(Stats.p90(hours), 2));
        details.put("openAtEnd", open);
        return new Kpi.Measurement(Stats.round(Stats.median(hours), 2), "hours", null, null, hours.size(), details);
    }

    /** For matters closed in the period: median of actual over planned duration, and the share at or under plan. */
    static Kpi.Measurement cycleTimeVsPlan(KpiContext c) {
        List<BigDecimal> ratios = new ArrayList<>();
        for (MatterClosed closed : c.facts().closed()) {
            long planned = ChronoUnit.DAYS.between(closed.openedOn(), closed.plannedCloseDate());
            if (!c.period().contains(closed.occurredAt()) || !c.inScope(closed.matterId()) || planned <= 0) {
                continue;
            }
            ratios.add(BigDecimal.valueOf(ChronoUnit.DAYS.between(closed.openedOn(), closed.closedOn()))
                    .divide(BigDecimal.valueOf(planned), 10, RoundingMode.HALF_UP));
        }
        long atOrUnder =
                ratios.stream().filter(r -> r.compareTo(BigDecimal.ONE) <= 0).count();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(
                "shareAtOrUnderPlan",
                Stats.rate(atOrUnder, ratios.size(), Map.of()).value());
        return new Kpi.Measurement(Stats.round(Stats.median(ratios), 4), "ratio", null, null, ratios.size(), details);
    }
}
