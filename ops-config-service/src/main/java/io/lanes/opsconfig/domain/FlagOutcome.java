package io.lanes.opsconfig.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * An improvement flag a playbook version closed, and whether its pattern came back: the flags raised
 * for the same milestone template of the same matter type after the version was published.
 */
public record FlagOutcome(
        UUID flagId, String templateKey, Instant raisedAt, int matters, boolean recurred, List<UUID> recurrences) {

    /** The flags version {@code version} of {@code matterType} closed, oldest first, each with its recurrences. */
    public static List<FlagOutcome> of(
            String matterType, int version, Instant publishedAt, List<ImprovementFlag> flags) {
        return flags.stream()
                .filter(f -> f.matterType().equals(matterType)
                        && f.status() == ImprovementFlag.Status.CLOSED
                        && Integer.valueOf(version).equals(f.closedByVersion()))
                .sorted(Comparator.comparing(ImprovementFlag::raisedAt).thenComparing(ImprovementFlag::id))
                .map(closed -> {
                    List<UUID> recurrences = flags.stream()
                            .filter(f -> f.matterType().equals(matterType)
                                    && f.templateKey().equals(closed.templateKey())
                                    && f.raisedAt().isAfter(publishedAt))
                            .sorted(Comparator.comparing(ImprovementFlag::raisedAt)
                                    .thenComparing(ImprovementFlag::id))
                            .map(ImprovementFlag::id)
                            .toList();
                    return new FlagOutcome(
                            closed.id(),
                            closed.templateKey(),
                            closed.raisedAt(),
                            closed.matters().size(),
                            !recurrences.isEmpty(),
                            recurrences);
                })
                .toList();
    }
}
