package io.lanes.kpi.service;

import io.lanes.contracts.KpiKey;
import io.lanes.kpi.persistence.KnownValues;
import io.lanes.kpi.persistence.PlaybookReader;
import io.lanes.kpi.persistence.SnapshotStore;
import io.lanes.kpi.persistence.measure.KpiContext;
import io.lanes.kpi.persistence.measure.KpiContexts;
import io.lanes.kpi.scorecard.FirmDefaults;
import io.lanes.kpi.scorecard.Period;
import io.lanes.kpi.scorecard.Scope;
import io.lanes.platform.firm.Firm;
import io.lanes.platform.problem.FieldError;
import io.lanes.platform.problem.ProblemException;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Everything a KPI computation needs besides the read models: periods, filters checked, playbooks, deliveries. */
@ApplicationScoped
public class Scorecards {

    private final PlaybookReader playbooks;
    private final SnapshotStore snapshots;
    private final KnownValues knownValues;
    private final FirmDefaults defaults;
    private final Firm firm;
    private final Clock clock;
    private final KpiContexts contexts;

    public Scorecards(
            PlaybookReader playbooks,
            SnapshotStore snapshots,
            KnownValues knownValues,
            FirmDefaults defaults,
            Firm firm,
            Clock clock,
            KpiContexts contexts) {
        this.playbooks = playbooks;
        this.snapshots = snapshots;
        this.knownValues = knownValues;
        this.defaults = defaults;
        this.firm = firm;
        this.clock = clock;
        this.contexts = contexts;
    }

    /** A KPI without a firm-default target could never be judged: refuse to start. */
    void requireEveryTarget(@Observes StartupEvent start) {
        List<String> missing = Arrays.stream(KpiKey.values())
                .filter(k -> defaults.target(k) == null)
                .map(KpiKey::key)
                .collect(Collectors.toList());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no firm-default target (lanes.kpi.targets.<key>) for " + missing);
        }
    }

    /** The query's period, in the firm's calendar (400 problem+json with every bad field). */
    public Period period(ScorecardQuery query) {
        return query.period(clock.withZone(firm.zone()));
    }

    /** Checks the filters against the values the facts name, then the context for {@code periods}. */
    public Uni<KpiContext> context(List<Period> periods, ScorecardQuery query) {
        Scope scope = query.scope();
        return requireKnown(scope).chain(() -> context(periods, scope));
    }

    public Uni<KpiContext> context(List<Period> periods, Scope scope) {
        Instant now = clock.instant();
        return Uni.combine()
                .all()
                .unis(snapshots.deliveries(now), playbooks.playbooks())
                .asTuple()
                .map(both -> contexts.of(periods, scope, now, both.getItem1(), both.getItem2()));
    }

    private Uni<Void> requireKnown(Scope scope) {
        if (scope.isAll()) {
            return Uni.createFrom().voidItem();
        }
        return knownValues
                .read()
                .map(known -> {
                    List<FieldError> errors = new ArrayList<>();
                    check("practiceArea", scope.practiceArea(), known.practiceAreas(), errors);
                    check("matterType", scope.matterType(), known.matterTypes(), errors);
                    check("team", scope.team(), known.teams(), errors);
                    if (!errors.isEmpty()) {
                        throw ProblemException.invalid(errors);
                    }
                    return null;
                })
                .replaceWithVoid();
    }

    private static void check(String field, String value, Set<String> known, List<FieldError> errors) {
        if (value != null && !known.contains(value)) {
            errors.add(new FieldError(
                    field,
                    "unknown " + field + " '" + value + "'; known: "
                            + known.stream()
                                    .sorted()
                                    .reduce((a, b) -> a + ", " + b)
                                    .orElse("none"),
                    "unknown"));
        }
    }
}
