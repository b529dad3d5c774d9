package io.lanes.kpi.service;

import io.lanes.contracts.KpiKey;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.kpi.impact.ImpactRules;
import io.lanes.kpi.impact.KpiImpact;
import io.lanes.kpi.impact.PlaybookImpact;
import io.lanes.kpi.impact.PlaybookVersion;
import io.lanes.kpi.persistence.PlaybookReader;
import io.lanes.kpi.persistence.measure.KpiContext;
import io.lanes.kpi.persistence.measure.KpiContexts;
import io.lanes.kpi.persistence.measure.KpiSamples;
import io.lanes.kpi.persistence.measure.ScorecardCalculator;
import io.lanes.kpi.scorecard.Kpi;
import io.lanes.kpi.scorecard.Period;
import io.lanes.kpi.scorecard.Playbooks;
import io.lanes.kpi.scorecard.Scope;
import io.lanes.platform.firm.Firm;
import io.lanes.platform.problem.FieldError;
import io.lanes.platform.problem.ProblemException;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The impact of a published playbook version: the KPIs of the matters accepted on it against those of
 * the matters accepted on the version before (same matter type), each KPI computed by its own scorecard
 * query with the cohort as a filter. Matters are attributed by the version they were accepted on, never
 * by calendar date; the firm-wide KPIs that are not a matter's (report delivery, admin hours, throughput,
 * satisfaction, write-downs) and data completeness (an intake is not yet on a version) are not compared.
 */
@ApplicationScoped
public class PlaybookImpacts {

    /** The KPIs compared, in scorecard order. */
    static final List<KpiKey> COMPARED = List.of(
            KpiKey.INTAKE_TO_OPEN_HOURS,
            KpiKey.SOP_ADOPTION_RATE,
            KpiKey.HANDOFF_REWORK_RATE,
            KpiKey.BILLING_TIMELINESS_RATE,
            KpiKey.ON_TIME_MILESTONE_RATE,
            KpiKey.OVERDUE_TASK_RATE,
            KpiKey.BUDGET_VARIANCE_PCT,
            KpiKey.ON_TIME_STATUS_UPDATE_RATE,
            KpiKey.ESCALATION_RESOLUTION_HOURS,
            KpiKey.CYCLE_TIME_VS_PLAN,
            KpiKey.MISSED_DEADLINE_RATE);

    private final PlaybookReader playbooks;
    private final KpiContexts contexts;
    private final Firm firm;
    private final Clock clock;
    private final ImpactRules rules;

    public PlaybookImpacts(
            PlaybookReader playbooks,
            KpiContexts contexts,
            Firm firm,
            Clock clock,
            @ConfigProperty(name = "lanes.impact.minimum-sample") int minimumSample,
            @ConfigProperty(name = "lanes.impact.significance-level") BigDecimal significanceLevel) {
        this.playbooks = playbooks;
        this.contexts = contexts;
        this.firm = firm;
        this.clock = clock;
        this.rules = new ImpactRules(minimumSample, significanceLevel);
    }

    /** Bad rules in configuration stop the service at start, not at its first comparison. */
    void requireValidRules(@Observes StartupEvent start) {
        // Observing start-up creates this bean, and its constructor checks the rules.
    }

    /** The versions of the type's playbook this service has seen, oldest first (none for an unknown type). */
    public Uni<List<PlaybookVersion>> versions(String matterType) {
        return playbooks
                .playbooks()
                .map(all -> all.versions(matterType).stream()
                        .map(p -> new PlaybookVersion(p.version(), p.publishedBy(), p.occurredAt()))
                        .toList());
    }

    /** 404 for a version never published, 422 for version 1 (nothing before it to compare with). */
    public Uni<PlaybookImpact> of(String matterType, int version) {
        return playbooks
                .playbooks()
                .map(all -> compared(all, matterType, version))
                .chain(this::compare);
    }

    /** The impact of the matter type's newest version: 404 without a playbook, 422 while it is version 1. */
    public Uni<PlaybookImpact> ofLatest(String matterType) {
        return playbooks
                .playbooks()
                .map(all -> {
                    int latest = all.latest(matterType)
                            .orElseThrow(() -> ProblemException.notFound("playbook", matterType))
                            .version();
                    return compared(all, matterType, latest);
                })
                .chain(this::compare);
    }

    /** A version and the one before it, with every version for the KPIs' targets. */
    private record Compared(Playbooks all, PlaybookPublished current, PlaybookPublished previous) {}

    private static Compared compared(Playbooks all, String matterType, int version) {
        PlaybookPublished current = all.version(matterType, version)
                .orElseThrow(() -> ProblemException.notFound("playbook version", matterType + " v" + version));
        if (version == 1) {
            throw ProblemException.unprocessable(
                    "Version 1 of " + matterType + " has no version before it to compare with",
                    List.of(new FieldError("version", "has no version before it", "no-previous-version")));
        }
        PlaybookPublished previous = all.version(matterType, version - 1)
                .orElseThrow(() -> ProblemException.notFound("playbook version", matterType + " v" + (version - 1)));
        return new Compared(all, current, previous);
    }

    private Uni<PlaybookImpact> compare(Compared versions) {
        Playbooks all = versions.all();
        PlaybookPublished current = versions.current();
        PlaybookPublished previous = versions.previous();
        // Both cohorts are judged as of one instant.
        Instant now = clock.instant();
        LocalDate from = LocalDate.ofInstant(previous.occurredAt(), firm.zone());
        LocalDate to = LocalDate.ofInstant(now, firm.zone()).plusDays(1);
        List<Period> period = List.of(new Period(from, to));
        KpiContext onVersion =
                contexts.of(period, Scope.cohort(current.matterType(), current.version()), now, List.of(), all);
        KpiContext before =
                contexts.of(period, Scope.cohort(previous.matterType(), previous.version()), now, List.of(), all);
        List<Uni<KpiImpact>> compared =
                COMPARED.stream().map(key -> compare(key, onVersion, before)).toList();
        return Uni.join().all(compared).andFailFast().map(kpis -> {
            // sopAdoptionRate's denominator is every acceptance of the cohort in the period: its matters.
            KpiImpact adoption = kpis.get(COMPARED.indexOf(KpiKey.SOP_ADOPTION_RATE));
            return new PlaybookImpact(
                    current.matterType(),
                    current.version(),
                    current.occurredAt(),
                    previous.version(),
                    previous.occurredAt(),
                    adoption.version().sampleSize(),
                    adoption.previousVersion().sampleSize(),
                    from,
                    to,
                    rules.minimumSample(),
                    rules.significanceLevel(),
                    kpis);
        });
    }

    private Uni<KpiImpact> compare(KpiKey key, KpiContext onVersion, KpiContext before) {
        return Uni.combine()
                .all()
                .unis(ScorecardCalculator.measured(key, onVersion), ScorecardCalculator.measured(key, before))
                .asTuple()
                .chain(both -> {
                    Kpi.Measurement measured = both.getItem1();
                    Kpi.Measurement measuredBefore = both.getItem2();
                    if (!KpiSamples.holds(key)) {
                        return Uni.createFrom().item(KpiImpact.ofRate(key, measured, measuredBefore, rules));
                    }
                    if (!rules.enough(measured, measuredBefore)) {
                        // Below the minimum sample nothing is ranked, so the values are not read.
                        return Uni.createFrom()
                                .item(KpiImpact.ofMedian(key, measured, measuredBefore, List.of(), List.of(), rules));
                    }
                    return Uni.combine()
                            .all()
                            .unis(KpiSamples.of(key, onVersion), KpiSamples.of(key, before))
                            .asTuple()
                            .map(values -> KpiImpact.ofMedian(
                                    key, measured, measuredBefore, values.getItem1(), values.getItem2(), rules));
                });
    }
}
