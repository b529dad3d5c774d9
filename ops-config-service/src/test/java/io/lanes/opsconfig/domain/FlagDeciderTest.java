package io.lanes.opsconfig.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lanes.eventstore.aggregate.UnhandledCase;
import io.lanes.opsconfig.domain.FlagCommand.CloseFlag;
import io.lanes.opsconfig.domain.FlagCommand.DismissFlag;
import io.lanes.opsconfig.domain.FlagCommand.RaiseFlag;
import io.lanes.opsconfig.domain.FlagEvent.FlagClosed;
import io.lanes.opsconfig.domain.FlagEvent.FlagDismissed;
import io.lanes.opsconfig.domain.FlagEvent.FlagRaised;
import io.lanes.platform.domain.NotFound;
import io.lanes.platform.domain.RuleBroken;
import io.lanes.testing.decider.DeciderSpec;
import io.lanes.testing.decider.SealedDispatch;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Given flag events, when a command, then events or a broken rule. */
class FlagDeciderTest {

    private static final UUID ID = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    private static final FlagRaised RAISED = new FlagRaised(
            ID,
            "commercial-litigation",
            "discovery-plan",
            List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()),
            LocalDate.parse("2026-02-01"),
            LocalDate.parse("2026-03-02"),
            "slip-detector",
            AT);
    private static final RaiseFlag RAISE = new RaiseFlag(
            ID,
            RAISED.matterType(),
            RAISED.templateKey(),
            RAISED.matters(),
            RAISED.windowStart(),
            RAISED.windowEnd(),
            "slip-detector",
            AT);
    private static final FlagDismissed DISMISSED = new FlagDismissed(ID, "no", "o.ramirez", AT);

    private final FlagDecider decider = new FlagDecider();
    private final DeciderSpec<FlagCommand, ImprovementFlag, FlagEvent> spec =
            DeciderSpec.of(decider.initialState(), decider::evolve, decider::decide);

    @Test
    void aPatternRaisesAFlag() {
        spec.given().when(RAISE).then(RAISED);
    }

    @Test
    void aFlagIsRaisedOnce() {
        spec.given(RAISED).when(RAISE).thenNothing();
    }

    @Test
    void anOpenFlagIsDismissedWithItsReason() {
        spec.given(RAISED)
                .when(new DismissFlag("Court backlog, not our SOP", "o.ramirez", AT))
                .then(new FlagDismissed(ID, "Court backlog, not our SOP", "o.ramirez", AT));
    }

    @Test
    void aDismissedFlagIsNoLongerOpen() {
        assertEquals(
                ImprovementFlag.Status.DISMISSED,
                spec.given(RAISED)
                        .when(new DismissFlag("no", "o.ramirez", AT))
                        .thenState()
                        .status());
    }

    @Test
    void aNewPlaybookVersionClosesAnOpenFlag() {
        spec.given(RAISED).when(new CloseFlag(3, "o.ramirez", AT)).then(new FlagClosed(ID, 3, "o.ramirez", AT));
    }

    @Test
    void aDismissedFlagCannotBeDismissedAgain() {
        RuleBroken e = spec.given(RAISED, DISMISSED)
                .when(new DismissFlag("again", "o.ramirez", AT))
                .thenFails(RuleBroken.class);
        assertEquals(FlagDecider.FLAG_NOT_OPEN, e.rule());
    }

    @Test
    void aDismissedFlagCannotBeClosed() {
        spec.given(RAISED, DISMISSED).when(new CloseFlag(2, "o.ramirez", AT)).thenFails(RuleBroken.class);
    }

    @Test
    void anUnknownFlagCannotBeDismissed() {
        spec.given().when(new DismissFlag("no", "o.ramirez", AT)).thenFails(NotFound.class);
    }

    @Test
    void everyCommandAndEventHasABranch() {
        SealedDispatch.assertHandlesEvery(
                c -> decider.decide((FlagCommand) c, decider.initialState()), UnhandledCase.class, FlagCommand.class);
        SealedDispatch.assertHandlesEvery(
                e -> decider.evolve(decider.initialState(), (FlagEvent) e), UnhandledCase.class, FlagEvent.class);
    }
}
