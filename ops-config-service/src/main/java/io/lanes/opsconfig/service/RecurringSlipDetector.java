package io.lanes.opsconfig.service;

import io.lanes.contracts.LanesEvent;
import io.lanes.contracts.matter.HandoffAccepted;
import io.lanes.contracts.matter.HandoffReceived;
import io.lanes.contracts.matter.MilestoneSlipped;
import io.lanes.opsconfig.config.OpsConfig;
import io.lanes.opsconfig.domain.ImprovementFlag;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The PM-to-ops feedback loop of KPIS.md: when milestones of one playbook template slip in at least
 * {@code lanes.ops.slip-pattern-matters} distinct matters of one type within
 * {@code lanes.ops.slip-pattern-window-days}, it raises an improvement flag for legal operations —
 * unless one for that type and template is open, or was raised for slips in the same window (a
 * dismissed flag is not raised again for the slips it was dismissed over). Runs in the consumer's
 * transaction; a matter's handoff precedes its slips on the same partition, so its type is known.
 */
@ApplicationScoped
public class RecurringSlipDetector {

    static final String RAISED_BY = "lanes/recurring-slip-detector";
    private static final Logger LOG = Logger.getLogger(RecurringSlipDetector.class);

    private final ImprovementFlagService flags;
    private final OpsConfig config;

    public RecurringSlipDetector(ImprovementFlagService flags, OpsConfig config) {
        this.flags = flags;
        this.config = config;
    }

    public Uni<Void> observe(LanesEvent event) {
        if (event instanceof HandoffReceived) {
            HandoffReceived received = (HandoffReceived) event;
            return rememberType(received.matterId(), received.matterType());
        }
        if (event instanceof HandoffAccepted) {
            HandoffAccepted accepted = (HandoffAccepted) event;
            return rememberType(accepted.matterId(), accepted.matterType());
        }
        if (event instanceof MilestoneSlipped && ((MilestoneSlipped) event).templateKey() != null) {
            return slipped((MilestoneSlipped) event);
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> rememberType(UUID matterId, String matterType) {
        return Panache.getSession().chain(session -> session.createNativeQuery("INSERT INTO ops_matter_type "
                        + "(matter_id, matter_type) VALUES (:matter, :type) ON CONFLICT (matter_id) DO NOTHING")
                .setParameter("matter", matterId).setParameter("type", matterType).executeUpdate())
                .replaceWithVoid();
    }

    private Uni<Void> slipped(MilestoneSlipped slip) {
        LocalDate windowStart = slip.detectedOn().minusDays(config.slipPatternWindowDays() - 1L);
        return Panache.getSession().chain(session -> session.createNativeQuery("INSERT INTO ops_milestone_slip "
                        + "(milestone_id, due_date, matter_id, matter_type, template_key, detected_on) "
                        + "SELECT :milestone, :due, matter_id, matter_type, :key, :detected FROM ops_matter_type "
                        + "WHERE matter_id = :matter ON CONFLICT (milestone_id, due_date) DO NOTHING")
                .setParameter("milestone", slip.milestoneId()).setParameter("due", slip.dueDate())
                .setParameter("key", slip.templateKey()).setParameter("detected", slip.detectedOn())
                .setParameter("matter", slip.matterId()).executeUpdate()
                .chain(() -> session.createNativeQuery("SELECT DISTINCT matter_id, matter_type FROM ops_milestone_slip "
                                + "WHERE matter_type = (SELECT matter_type FROM ops_matter_type WHERE matter_id = :matter) "
                                + "AND template_key = :key AND detected_on BETWEEN :start AND :end", Object[].class)
                        .setParameter("matter", slip.matterId()).setParameter("key", slip.templateKey())
                        .setParameter("start", windowStart).setParameter("end", slip.detectedOn())
                        .getResultList()))
                .chain(rows -> {
                    if (rows.size() < config.slipPatternMatters()) {
                        return Uni.createFrom().voidItem();
                    }
                    String matterType = (String) rows.get(0)[1];
                    List<UUID> matters = rows.stream().map(r -> (UUID) r[0]).sorted().collect(Collectors.toList());
                    return raiseUnlessAnswered(matterType, slip.templateKey(), matters, windowStart, slip.detectedOn());
                });
    }

    private Uni<Void> raiseUnlessAnswered(String matterType, String templateKey, List<UUID> matters,
            LocalDate windowStart, LocalDate windowEnd) {
        return flags.all().chain(all -> {
            boolean answered = all.stream().anyMatch(f -> f.matterType().equals(matterType)
                    && templateKey.equals(f.templateKey())
                    && (f.status() == ImprovementFlag.Status.OPEN || !f.windowEnd().isBefore(windowStart)));
            if (answered) {
                return Uni.createFrom().voidItem();
            }
            LOG.infof("milestones '%s' slipped in %d %s matters between %s and %s: improvement flag raised",
                    templateKey, matters.size(), matterType, windowStart, windowEnd);
            return flags.raiseInCurrentTransaction(matterType, templateKey, matters, windowStart, windowEnd, RAISED_BY)
                    .replaceWithVoid();
        });
    }
}
