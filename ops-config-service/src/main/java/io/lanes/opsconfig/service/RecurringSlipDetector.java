package io.lanes.opsconfig.service;

import io.lanes.contracts.LanesEvent;
import io.lanes.contracts.matter.HandoffAccepted;
import io.lanes.contracts.matter.HandoffReceived;
import io.lanes.contracts.matter.MilestoneSlipped;
import io.lanes.opsconfig.config.OpsConfig;
import io.lanes.opsconfig.domain.ImprovementFlag;
import io.lanes.opsconfig.persistence.SlipRecords;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The PM-to-ops feedback loop of docs/kpis.md: when milestones of one playbook template slip in at least
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
        if (event instanceof HandoffReceived received) {
            return SlipRecords.rememberType(received.matterId(), received.matterType());
        }
        if (event instanceof HandoffAccepted accepted) {
            return SlipRecords.rememberType(accepted.matterId(), accepted.matterType());
        }
        if (event instanceof MilestoneSlipped slip && slip.templateKey() != null) {
            return slipped(slip);
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> slipped(MilestoneSlipped slip) {
        LocalDate windowStart = slip.detectedOn().minusDays(config.slipPatternWindowDays() - 1L);
        return SlipRecords.recordAndFindSince(slip, windowStart).chain(slipped -> {
            if (slipped.matters().size() < config.slipPatternMatters()) {
                return Uni.createFrom().voidItem();
            }
            return raiseUnlessAnswered(
                    slipped.matterType(), slip.templateKey(), slipped.matters(), windowStart, slip.detectedOn());
        });
    }

    private Uni<Void> raiseUnlessAnswered(
            String matterType, String templateKey, List<UUID> matters, LocalDate windowStart, LocalDate windowEnd) {
        return flags.all().chain(all -> {
            boolean answered = all.stream()
                    .anyMatch(f -> f.matterType().equals(matterType)
                            && templateKey.equals(f.templateKey())
                            && (f.status() == ImprovementFlag.Status.OPEN
                                    || !f.windowEnd().isBefore(windowStart)));
            if (answered) {
                return Uni.createFrom().voidItem();
            }
            LOG.infof(
                    "milestones '%s' slipped in %d %s matters between %s and %s: improvement flag raised",
                    templateKey, matters.size(), matterType, windowStart, windowEnd);
            return flags.raiseInCurrentTransaction(matterType, templateKey, matters, windowStart, windowEnd, RAISED_BY)
                    .replaceWithVoid();
        });
    }
}
