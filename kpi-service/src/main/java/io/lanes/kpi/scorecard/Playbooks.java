package io.lanes.kpi.scorecard;

import io.lanes.contracts.opsconfig.PlaybookPublished;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every playbook version kpi-service has seen, by matter type. */
public final class Playbooks {

    private final Map<String, List<PlaybookPublished>> byType;

    public Playbooks(Collection<PlaybookPublished> versions) {
        this.byType = versions.stream()
                .collect(Collectors.groupingBy(
                        PlaybookPublished::matterType,
                        Collectors.collectingAndThen(
                                Collectors.toList(),
                                list -> list.stream()
                                        .sorted(Comparator.comparingInt(PlaybookPublished::version))
                                        .collect(Collectors.toList()))));
    }

    public Optional<PlaybookPublished> latest(String matterType) {
        List<PlaybookPublished> versions = byType.getOrDefault(matterType, List.of());
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** Every version of the type's playbook, oldest first. */
    public List<PlaybookPublished> versions(String matterType) {
        return byType.getOrDefault(matterType, List.of());
    }

    /** Version {@code version} of the type's playbook, if it was published. */
    public Optional<PlaybookPublished> version(String matterType, int version) {
        return byType.getOrDefault(matterType, List.of()).stream()
                .filter(p -> p.version() == version)
                .findFirst();
    }

    /** The KPI target the latest playbook of the type sets, if it sets one. */
    public Optional<BigDecimal> target(String matterType, String kpiKey) {
        return latest(matterType).map(PlaybookPublished::kpiTargets).map(targets -> targets.get(kpiKey));
    }
}
