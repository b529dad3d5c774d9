package io.lanes.matter.domain;

import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.matter.domain.MatterCommand.Detect;
import io.lanes.matter.domain.MatterCommand.ReceiveHandoff;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A matter lived as matter-service runs it, without a server: each command decided by the live decider
 * at its instant under the version's thresholds and paths, and the scheduler's detection a minute into
 * every firm day and a minute after each command while the matter is pending or open. Its history is what the event store would hold.
 */
public final class LiveHistory {

    private final MatterDecider decider;
    private final ZoneId zone;
    private final PlaybookPublished playbook;
    private final EscalationRoutes routes;
    private final List<Recorded> history = new ArrayList<>();
    private Matter matter;
    private LocalDate detectedThrough;

    public LiveHistory(ZoneId zone, PlaybookPublished playbook, EscalationRoutes routes) {
        this.decider = new MatterDecider(zone);
        this.zone = zone;
        this.playbook = playbook;
        this.routes = routes;
        this.matter = decider.initialState();
    }

    public LiveHistory receive(UUID matterId, IntakeComplete packet, Instant at) {
        return run(new ReceiveHandoff(matterId, packet, at), at);
    }

    /** Detection through {@code at}'s day, the command at {@code at}, and the scheduler's pass a minute later. */
    public LiveHistory run(MatterCommand command, Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        detectThrough(day);
        record(decider.decide(command, matter), at);
        detect(at.plusSeconds(60));
        return this;
    }

    /** The scheduler's pass a minute into each day not yet detected, through {@code day}. */
    public LiveHistory detectThrough(LocalDate day) {
        LocalDate next = detectedThrough == null ? day : detectedThrough.plusDays(1);
        for (LocalDate d = next; !d.isAfter(day); d = d.plusDays(1)) {
            detect(d.atStartOfDay(zone).plusMinutes(1).toInstant());
            detectedThrough = d;
        }
        return this;
    }

    private void detect(Instant at) {
        if (matter.status() == MatterStatus.OPEN || matter.status() == MatterStatus.PENDING) {
            LocalDate day = at.atZone(zone).toLocalDate();
            record(decider.decide(new Detect(day, playbook.thresholds(), routes, at), matter), at);
        }
    }

    public Matter matter() {
        return matter;
    }

    public List<Recorded> history() {
        return List.copyOf(history);
    }

    private void record(List<Object> events, Instant at) {
        for (Object event : events) {
            matter = decider.evolve(matter, event);
            history.add(new Recorded(event, at));
        }
    }
}
