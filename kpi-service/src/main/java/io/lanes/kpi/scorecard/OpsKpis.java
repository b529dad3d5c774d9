package io.lanes.kpi.scorecard;

import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.matter.HandoffAccepted;
import io.lanes.contracts.matter.HandoffRejected;
import io.lanes.contracts.matter.RejectionReason;
import io.lanes.contracts.matter.TimeRecorded;
import io.lanes.contracts.matter.TimekeeperRole;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The legal operations scorecard: how the firm runs (docs/kpis.md, `ops`). */
final class OpsKpis {

    private OpsKpis() {}

    /** Median (and p90) hours from intake received to handoff accepted, over acceptances in the period. */
    static Kpi.Measurement intakeToOpenHours(KpiContext c) {
        List<BigDecimal> hours = acceptedInPeriod(c).stream()
                .map(a -> Stats.hours(a.intakeReceivedAt(), a.occurredAt()))
                .collect(Collectors.toList());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("p90", Stats.round(Stats.p90(hours), 2));
        return new Kpi.Measurement(Stats.round(Stats.median(hours), 2), "hours", null, null, hours.size(), details);
    }

    /** Share of intake-complete events in the period that were complete on the first submission. */
    static Kpi.Measurement dataCompletenessRate(KpiContext c) {
        List<IntakeComplete> complete = c.facts().intakesComplete().stream()
                .filter(i -> c.period().contains(i.occurredAt()))
                .filter(i -> c.scope()
                        .matches(
                                i.practiceArea(),
                                i.matterType(),
                                i.routing() == null ? null : i.routing().team()))
                .collect(Collectors.toList());
        return Stats.rate(complete.stream().filter(i -> i.attempt() == 1).count(), complete.size(), Map.of());
    }

    /** Share of acceptances with the checklist complete on the newest playbook version at acceptance. */
    static Kpi.Measurement sopAdoptionRate(KpiContext c) {
        List<HandoffAccepted> accepted = acceptedInPeriod(c);
        long adopted = accepted.stream()
                .filter(a -> a.checklistComplete()
                        && c.facts()
                                .playbooks()
                                .newestVersionAt(a.matterType(), a.occurredAt())
                                .map(v -> v == a.playbookVersion())
                                .orElse(false))
                .count();
        return Stats.rate(adopted, accepted.size(), Map.of());
    }

    /** Rejections over all handoff decisions in the period, with rejection reasons counted by code. */
    static Kpi.Measurement handoffReworkRate(KpiContext c) {
        List<HandoffRejected> rejected = c.facts().rejected().stream()
                .filter(r -> c.period().contains(r.occurredAt()) && c.inScope(r.matterId()))
                .collect(Collectors.toList());
        Map<String, Long> byReason = new TreeMap<>(rejected.stream()
                .flatMap(r -> r.reasons().stream())
                .collect(Collectors.groupingBy(RejectionReason::code, Collectors.counting()))
                .entrySet()
                .stream()
                .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue)));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rejections", rejected.size());
        details.put("rejectionsByReason", byReason);
        return Stats.rate(rejected.size(), rejected.size() + acceptedInPeriod(c).size(), details);
    }

    /** Share of time entries recorded within the playbook's billing window from the start of the work day. */
    static Kpi.Measurement billingTimelinessRate(KpiContext c) {
        List<TimeRecorded> entries = timeIn(c, c.period());
        long timely = entries.stream()
                .filter(t -> {
                    Instant workStart =
                            t.workDate().atStartOfDay(ZoneOffset.UTC).toInstant();
                    int allowed = c.facts()
                            .playbooks()
                            .forMatter(c.profile(t.matterId()))
                            .map(p -> p.thresholds().billingTimelinessHours())
                            .orElse(c.defaults().billingTimelinessHours());
                    return Duration.between(workStart, t.occurredAt()).compareTo(Duration.ofHours(allowed)) <= 0;
                })
                .count();
        return Stats.rate(timely, entries.size(), Map.of());
    }

    /** Share of the weekly snapshots scheduled in the period that were produced within the hour. */
    static Kpi.Measurement reportDeliveryRate(KpiContext c) {
        List<ReportDelivery> due = c.deliveries().stream()
                .filter(d -> c.period().contains(d.scheduledFor()) && !d.pendingAt(c.now()))
                .collect(Collectors.toList());
        return Stats.rate(due.stream().filter(ReportDelivery::onTime).count(), due.size(), Map.of());
    }

    /** Attorney hours on non-legal admin work in the period, and the change against the previous period. */
    static Kpi.Measurement attorneyAdminHours(KpiContext c) {
        List<TimeRecorded> entries = timeIn(c, c.period());
        if (entries.isEmpty()) {
            return new Kpi.Measurement(null, "hours", null, null, 0, Map.of());
        }
        BigDecimal hours = attorneyAdmin(entries);
        List<TimeRecorded> before = timeIn(c, c.period().previous());
        BigDecimal previous = before.isEmpty() ? null : attorneyAdmin(before);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("previousPeriod", previous);
        details.put("change", previous == null ? null : hours.subtract(previous));
        return new Kpi.Measurement(hours, "hours", null, null, entries.size(), details);
    }

    private static BigDecimal attorneyAdmin(List<TimeRecorded> entries) {
        return Stats.round(
                entries.stream()
                        .filter(t -> t.admin() && t.timekeeperRole() == TimekeeperRole.ATTORNEY)
                        .map(TimeRecorded::hours)
                        .reduce(BigDecimal.ZERO, BigDecimal::add),
                2);
    }

    static List<HandoffAccepted> acceptedInPeriod(KpiContext c) {
        return c.facts().accepted().stream()
                .filter(a -> c.period().contains(a.occurredAt()) && c.inScope(a.matterId()))
                .collect(Collectors.toList());
    }

    static List<TimeRecorded> timeIn(KpiContext c, Period period) {
        return c.facts().time().stream()
                .filter(t -> period.contains(t.occurredAt()) && c.inScope(t.matterId()))
                .collect(Collectors.toList());
    }
}
