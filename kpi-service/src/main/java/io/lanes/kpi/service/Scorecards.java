package io.lanes.kpi.service;

import io.lanes.contracts.KpiKey;
import io.lanes.kpi.facts.FactNeeds;
import io.lanes.kpi.persistence.FactReader;
import io.lanes.kpi.persistence.KnownValues;
import io.lanes.kpi.persistence.SnapshotStore;
import io.lanes.kpi.scorecard.FirmDefaults;
import io.lanes.kpi.scorecard.KpiContext;
import io.lanes.kpi.scorecard.Period;
import io.lanes.kpi.scorecard.Scope;
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

/** Everything a KPI computation needs, read for one period and scope. */
@ApplicationScoped
public class Scorecards {

    private final FactReader facts;
    private final SnapshotStore snapshots;
    private final KnownValues knownValues;
    private final FirmDefaults defaults;
    private final Clock clock;

    public Scorecards(
            FactReader facts, SnapshotStore snapshots, KnownValues knownValues, FirmDefaults defaults, Clock clock) {
        this.facts = facts;
        this.snapshots = snapshots;
        this.knownValues = knownValues;
        this.defaults = defaults;
        this.clock = clock;
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

    /** Checks the query (400 problem+json with every bad field) and reads what its period needs. */
    public Uni<KpiContext> context(ScorecardQuery query, FactNeeds needed) {
        Period period = query.period(clock);
        Scope scope = query.scope();
        return requireKnown(scope).chain(() -> context(period, scope, needed));
    }

    /** The facts it needs from before the period's end, and the report deliveries. */
    public Uni<KpiContext> context(Period period, Scope scope, FactNeeds needed) {
        Instant now = clock.instant();
        return snapshots
                .deliveries(now)
                .chain(deliveries -> facts.before(period.end(), needed)
                        .map(f -> new KpiContext(f, period, scope, now, deliveries, defaults)));
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
