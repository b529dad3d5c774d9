package io.lanes.opsconfig.domain;

import io.lanes.eventstore.aggregate.Decider;
import io.lanes.eventstore.aggregate.UnhandledCase;
import io.lanes.opsconfig.domain.FlagCommand.CloseFlag;
import io.lanes.opsconfig.domain.FlagCommand.DismissFlag;
import io.lanes.opsconfig.domain.FlagCommand.RaiseFlag;
import io.lanes.opsconfig.domain.FlagEvent.FlagClosed;
import io.lanes.opsconfig.domain.FlagEvent.FlagDismissed;
import io.lanes.opsconfig.domain.FlagEvent.FlagRaised;
import io.lanes.opsconfig.domain.ImprovementFlag.Status;
import io.lanes.platform.domain.NotFound;
import io.lanes.platform.domain.RuleBroken;
import java.util.List;

/** An improvement flag is raised once, then either dismissed with a reason or closed by a new playbook version. */
public final class FlagDecider implements Decider<FlagCommand, ImprovementFlag, FlagEvent> {

    public static final String FLAG_NOT_OPEN = "FLAG_NOT_OPEN";

    @Override
    public ImprovementFlag initialState() {
        return ImprovementFlag.NONE;
    }

    @Override
    public ImprovementFlag evolve(ImprovementFlag flag, FlagEvent event) {
        if (event instanceof FlagRaised raised) {
            return new ImprovementFlag(
                    raised.flagId(),
                    raised.matterType(),
                    raised.templateKey(),
                    raised.matters(),
                    raised.windowStart(),
                    raised.windowEnd(),
                    Status.OPEN,
                    raised.occurredAt(),
                    raised.raisedBy(),
                    null,
                    null,
                    null,
                    null);
        }
        if (event instanceof FlagDismissed dismissed) {
            return flag.resolved(
                    Status.DISMISSED, dismissed.reason(), dismissed.dismissedBy(), dismissed.occurredAt(), null);
        }
        if (event instanceof FlagClosed closed) {
            return flag.resolved(
                    Status.CLOSED,
                    "Playbook version " + closed.playbookVersion() + " published",
                    closed.closedBy(),
                    closed.occurredAt(),
                    closed.playbookVersion());
        }
        throw new UnhandledCase(event);
    }

    @Override
    public List<FlagEvent> decide(FlagCommand command, ImprovementFlag flag) {
        if (command instanceof RaiseFlag raise) {
            return raise(raise, flag);
        }
        if (command instanceof DismissFlag dismiss) {
            return List.of(new FlagDismissed(requireOpen(flag).id(), dismiss.reason(), dismiss.by(), dismiss.at()));
        }
        if (command instanceof CloseFlag close) {
            return List.of(new FlagClosed(requireOpen(flag).id(), close.playbookVersion(), close.by(), close.at()));
        }
        throw new UnhandledCase(command);
    }

    /** Raising is idempotent: a flag that exists is not raised again. */
    private static List<FlagEvent> raise(RaiseFlag raise, ImprovementFlag flag) {
        if (flag.exists()) {
            return List.of();
        }
        return List.of(new FlagRaised(
                raise.flagId(),
                raise.matterType(),
                raise.templateKey(),
                raise.matters(),
                raise.windowStart(),
                raise.windowEnd(),
                raise.by(),
                raise.at()));
    }

    private static ImprovementFlag requireOpen(ImprovementFlag flag) {
        if (!flag.exists()) {
            throw new NotFound("improvement flag", "");
        }
        if (flag.status() != Status.OPEN) {
            throw new RuleBroken(FLAG_NOT_OPEN, "Improvement flag " + flag.id() + " is already " + flag.status());
        }
        return flag;
    }
}
