package io.lanes.matter.service;

import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.eventstore.EventCodec;
import io.lanes.eventstore.StoredEvent;
import io.lanes.matter.config.MatterConfig;
import io.lanes.matter.domain.BusinessCalendar;
import io.lanes.matter.domain.EscalationRoutes;
import io.lanes.matter.domain.Matter;
import io.lanes.matter.domain.MatterDecider;
import io.lanes.matter.domain.MatterInternalEvent;
import io.lanes.matter.domain.MatterReplay;
import io.lanes.matter.domain.MatterReplay.AsRecorded;
import io.lanes.matter.domain.Recorded;
import io.lanes.matter.domain.ReplayComparison;
import io.lanes.matter.domain.ReplayReport;
import io.lanes.matter.persistence.ReplayHistory;
import io.lanes.platform.problem.Busy;
import io.lanes.platform.problem.FieldError;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.problem.ProblemType;
import io.lanes.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

/**
 * Replays a candidate playbook over the recorded history of the matters of its type accepted in a
 * window, beside the versions they ran on (see {@link MatterReplay}): one matter at a time, on the
 * caller's worker thread, bounded by a window, a number of matters and a timeout, one replay at a time
 * per instance (each keeps a core busy). Only the matters the caller may see are counted.
 */
@ApplicationScoped
public class PlaybookReplays {

    private final ReplayHistory history;
    private final MatterConfig.Replay limits;
    private final Clock clock;
    private final Map<String, String> teamLeads;
    private final MatterReplay replay;
    private final EventCodec<Object> codec = MatterInternalEvent.TYPES.withContractEvents();
    private final Semaphore running = new Semaphore(1);

    public PlaybookReplays(ReplayHistory history, MatterConfig config, Clock clock) {
        this.history = history;
        this.limits = config.replay();
        this.clock = clock;
        this.teamLeads = config.teamLeads();
        this.replay = new MatterReplay(
                new MatterDecider(clock.getZone()),
                clock.getZone(),
                new BusinessCalendar(config.holidays().orElse(Set.of())));
    }

    /** Blocking: reads and computes on the calling thread. */
    public ReplayReport replay(PlaybookPublished candidate, LocalDate from, LocalDate to, Caller caller) {
        requireWindow(from, to);
        if (!running.tryAcquire()) {
            throw new Busy("matter-service is running a replay already; retry when it is done", Duration.ofSeconds(5));
        }
        try {
            return compare(candidate, from, to, caller);
        } finally {
            running.release();
        }
    }

    private void requireWindow(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid(List.of(new FieldError("to", "must not be before from", "window-reversed")));
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > limits.maxWindowDays()) {
            throw ProblemException.invalid(List.of(new FieldError(
                    "to",
                    "the window from " + from + " to " + to + " is " + days + " days; a replay covers at most "
                            + limits.maxWindowDays(),
                    "window-too-large")));
        }
    }

    private ReplayReport compare(PlaybookPublished candidate, LocalDate from, LocalDate to, Caller caller) {
        ZoneId zone = clock.getZone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        int count = history.countAccepted(candidate.matterType(), start, end);
        if (count > limits.maxMatters()) {
            throw ProblemException.invalid(List.of(new FieldError(
                    "from",
                    count + " matters of " + candidate.matterType() + " were accepted from " + from + " to " + to
                            + "; a replay covers at most " + limits.maxMatters() + ": narrow the window",
                    "too-many-matters")));
        }
        LocalDate through = LocalDate.now(clock);
        Map<Integer, PlaybookPublished> versions = history.playbooks(candidate.matterType());
        EscalationRoutes candidateRoutes = routes(candidate);
        ReplayComparison comparison = new ReplayComparison(through);
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        history.forEachAccepted(candidate.matterType(), start, end, stream -> {
            if (System.nanoTime() > deadline) {
                throw new ProblemException(
                        ProblemType.UNAVAILABLE,
                        "The replay of " + count + " matters did not finish within " + limits.timeout()
                                + "; narrow the window");
            }
            List<Recorded> recorded = recorded(stream);
            AsRecorded asRecorded = replay.recorded(recorded, through);
            Matter matter = asRecorded.matter();
            if (!MatterAccess.permits(caller, matter)) {
                return;
            }
            PlaybookPublished own = versions.get(matter.playbookVersion());
            if (own == null) {
                throw new IllegalStateException("matter " + matter.id() + " ran on playbook version "
                        + matter.playbookVersion() + ", which matter-service does not hold");
            }
            comparison.add(
                    asRecorded.outcome(),
                    replay.replay(recorded, own, routes(own), through),
                    replay.replay(recorded, candidate, candidateRoutes, through));
        });
        return comparison.report(candidate.matterType(), candidate.version(), from, to);
    }

    private List<Recorded> recorded(List<StoredEvent> stream) {
        return stream.stream()
                .map(stored -> new Recorded(codec.read(stored), stored.occurredAt()))
                .collect(Collectors.toList());
    }

    private EscalationRoutes routes(PlaybookPublished playbook) {
        return new EscalationRoutes(playbook.escalationPaths(), teamLeads);
    }
}
