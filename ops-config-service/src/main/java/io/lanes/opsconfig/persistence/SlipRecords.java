package io.lanes.opsconfig.persistence;

import io.lanes.contracts.matter.MilestoneSlipped;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the recurring-slip detector remembers of the matter topic, in the consumer's transaction: each
 * matter's type (from its handoff, which precedes its slips on the same partition) and each slip once
 * per milestone and due date.
 */
public final class SlipRecords {

    /** The matters of one type whose milestones of one template slipped within a window. */
    public record SlippedMatters(String matterType, List<UUID> matters) {}

    private SlipRecords() {}

    public static Uni<Void> rememberType(UUID matterId, String matterType) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("INSERT INTO ops_matter_type "
                                + "(matter_id, matter_type) VALUES (:matter, :type) ON CONFLICT (matter_id) DO NOTHING")
                        .setParameter("matter", matterId)
                        .setParameter("type", matterType)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Records the slip, then answers the distinct matters of its matter's type whose milestones of the
     * same template slipped between {@code windowStart} and the slip's detection day.
     */
    public static Uni<SlippedMatters> recordAndFindSince(MilestoneSlipped slip, LocalDate windowStart) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("INSERT INTO ops_milestone_slip "
                                + "(milestone_id, due_date, matter_id, matter_type, template_key, detected_on) "
                                + "SELECT :milestone, :due, matter_id, matter_type, :key, :detected FROM ops_matter_type "
                                + "WHERE matter_id = :matter ON CONFLICT (milestone_id, due_date) DO NOTHING")
                        .setParameter("milestone", slip.milestoneId())
                        .setParameter("due", slip.dueDate())
                        .setParameter("key", slip.templateKey())
                        .setParameter("detected", slip.detectedOn())
                        .setParameter("matter", slip.matterId())
                        .executeUpdate()
                        .chain(() -> session.createNativeQuery(
                                        "SELECT DISTINCT matter_id, matter_type FROM ops_milestone_slip "
                                                + "WHERE matter_type = (SELECT matter_type FROM ops_matter_type WHERE matter_id = :matter) "
                                                + "AND template_key = :key AND detected_on BETWEEN :start AND :end",
                                        Object[].class)
                                .setParameter("matter", slip.matterId())
                                .setParameter("key", slip.templateKey())
                                .setParameter("start", windowStart)
                                .setParameter("end", slip.detectedOn())
                                .getResultList()))
                .map(rows -> new SlippedMatters(
                        rows.isEmpty() ? null : (String) rows.get(0)[1],
                        rows.stream().map(r -> (UUID) r[0]).sorted().collect(Collectors.toList())));
    }
}
