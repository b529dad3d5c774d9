package io.lanes.kpi.scorecard;

import io.lanes.kpi.facts.Facts;
import io.lanes.kpi.facts.MatterProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * What one scorecard computation sees: the facts, the period and filters, the instant the numbers
 * are as of (the period's end, or now while the period runs), the report deliveries and firm defaults.
 */
public record KpiContext(
        Facts facts, Period period, Scope scope, Instant now, List<ReportDelivery> deliveries, FirmDefaults defaults) {

    /** The moment outcomes are judged at: the end of the period, or now if the period has not ended. */
    public Instant asOf() {
        return now.isBefore(period.end()) ? now : period.end();
    }

    /** The first day not yet over at {@link #asOf()}: a due date before it has passed. */
    public LocalDate asOfDate() {
        return LocalDate.ofInstant(asOf(), ZoneOffset.UTC);
    }

    public boolean inScope(UUID matterId) {
        return scope.matches(facts.profile(matterId));
    }

    public MatterProfile profile(UUID matterId) {
        return facts.profile(matterId);
    }

    public KpiContext withPeriod(Period other) {
        return new KpiContext(facts, other, scope, now, deliveries, defaults);
    }
}
