package io.lanes.opsconfig.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lanes.opsconfig.domain.FlagCommand.CloseFlag;
import io.lanes.opsconfig.domain.FlagCommand.DismissFlag;
import io.lanes.opsconfig.domain.FlagCommand.RaiseFlag;
import io.lanes.opsconfig.domain.FlagEvent.FlagClosed;
import io.lanes.opsconfig.domain.FlagEvent.FlagDismissed;
import io.lanes.opsconfig.domain.FlagEvent.FlagRaised;
import io.lanes.platform.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FlagDeciderTest {

    private static final UUID ID = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    private static final FlagRaised RAISED = new FlagRaised(ID, "commercial-litigation", "discovery-plan",
            List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()), LocalDate.parse("2026-02-01"),
            LocalDate.parse("2026-03-02"), "slip-detector", AT);

    private final FlagDecider decider = new FlagDecider();

    @Test
    void raisingIsOnce() {
        RaiseFlag raise = new RaiseFlag(ID, RAISED.matterType(), RAISED.templateKey(), RAISED.matters(),
                RAISED.windowStart(), RAISED.windowEnd(), "slip-detector", AT);
        assertEquals(List.of(RAISED), decider.decide(raise, decider.initialState()));
        assertTrue(decider.decide(raise, decider.fold(List.of(RAISED))).isEmpty());
    }

    @Test
    void anOpenFlagIsDismissedWithItsReason() {
        List<FlagEvent> events = decider.decide(new DismissFlag("Court backlog, not our SOP", "o.ramirez", AT),
                decider.fold(List.of(RAISED)));
        assertEquals(List.of(new FlagDismissed(ID, "Court backlog, not our SOP", "o.ramirez", AT)), events);
        assertEquals(ImprovementFlag.Status.DISMISSED, decider.evolve(decider.fold(List.of(RAISED)), events.get(0)).status());
    }

    @Test
    void aNewPlaybookVersionClosesAnOpenFlag() {
        List<FlagEvent> events = decider.decide(new CloseFlag(3, "o.ramirez", AT), decider.fold(List.of(RAISED)));
        assertEquals(List.of(new FlagClosed(ID, 3, "o.ramirez", AT)), events);
    }

    @Test
    void aDismissedFlagCannotBeDismissedOrClosedAgain() {
        ImprovementFlag dismissed = decider.fold(List.of(RAISED, new FlagDismissed(ID, "no", "o.ramirez", AT)));
        assertThrows(ProblemException.class, () -> decider.decide(new DismissFlag("again", "o.ramirez", AT), dismissed));
        assertThrows(ProblemException.class, () -> decider.decide(new CloseFlag(2, "o.ramirez", AT), dismissed));
    }
}
