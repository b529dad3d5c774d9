package io.lanes.kpi.facts;

import io.lanes.contracts.opsconfig.PlaybookPublished;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every playbook version kpi-service has seen, by matter type. */
public final class Playbooks {

    private final Map<String, List<PlaybookPublished>> byType;

    Playbooks(Collection<PlaybookPublished> versions) {
        this.byType = versions.stream()
                .collect(Collectors.groupingBy(
                        PlaybookPublished::matterType,
                        Collectors.collectingAndThen(
                                Collectors.toList(),
                                list -> list.stream()
                                        .sorted(Comparator.comparingInt(PlaybookPublished::version))
                                        .collect(Collectors.toList()))));
    }

    /** The newest version of the type published at or before {@code at}. */
    public Optional<Integer> newestVersionAt(String matterType, Instant at) {
        return byType.getOrDefault(matterType, List.of()).stream()
                .filter(p -> !p.occurredAt().isAfter(at))
                .map(PlaybookPublished::version)
                .max(Integer::compare);
    }

    public Optional<PlaybookPublished> latest(String matterType) {
        List<PlaybookPublished> versions = byType.getOrDefault(matterType, List.of());
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** The version a matter was opened under, or the latest of its type when that version was compacted away. */
    public Optional<PlaybookPublished> forMatter(MatterProfile matter) {
        if (matter == null || matter.matterType() == null) {
            return Optional.empty();
        }
        return byType.getOrDefault(matter.matterType(), List.of()).stream()
                .filter(p -> matter.playbookVersion() != null && p.version() == matter.playbookVersion())
                .findFirst()
                .or(() -> latest(matter.matterType()));
    }

    /** The KPI target the latest playbook of the type sets, if it sets one. */
    public Optional<BigDecimal> target(String matterType, String kpiKey) {
        return latest(matterType).map(PlaybookPublished::kpiTargets).map(targets -> targets.get(kpiKey));
    }
}
