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
import io.lanes.matter.domain.MatterOutcome;
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
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Replays a candidate playbook over the recorded history of the matters of its type accepted in a
 * window, beside the versions they ran on (see {@link MatterReplay}). The caller's worker thread reads
 * the matters one at a time and {@code lanes.matter.replay.threads} replay them, in matter order, with
 * a few matters in flight; bounded by a window, a number of matters and a timeout, one replay at a time
 * per instance (each keeps the cores busy). Only the matters the caller may see are counted.
 */
@ApplicationScoped
public class PlaybookReplays {

    /** Matters read ahead per replaying thread: enough to keep them busy, few enough to hold. */
    private static final int IN_FLIGHT_PER_THREAD = 4;

    private final ReplayHistory history;
    private final MatterConfig.Replay limits;
    private final Clock clock;
    private final Map<String, String> teamLeads;
    private final MatterReplay replay;
    private final EventCodec<Object> codec = MatterInternalEvent.TYPES.withContractEvents();
    private final Semaphore running = new Semaphore(1);
    private final ExecutorService workers;

    public PlaybookReplays(ReplayHistory history, MatterConfig config, Clock clock) {
        this.history = history;
        this.limits = config.replay();
        this.clock = clock;
        this.teamLeads = config.teamLeads();
        this.workers = Executors.newFixedThreadPool(limits.threads(), task -> {
            Thread thread = new Thread(task, "lanes-replay");
            thread.setDaemon(true);
            return thread;
        });
        this.replay = new MatterReplay(
                new MatterDecider(clock.getZone()),
                clock.getZone(),
                new BusinessCalendar(config.holidays().orElse(Set.of())));
    }

    /** Blocking: reads on the calling thread, and waits while the replaying threads compute. */
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
        Deque<Future<Readings>> pending = new ArrayDeque<>();
        try {
            history.forEachAccepted(candidate.matterType(), start, end, stream -> {
                if (System.nanoTime() > deadline) {
                    throw timedOut(count);
                }
                pending.add(workers.submit(() -> read(stream, caller, versions, candidate, candidateRoutes, through)));
                // In matter order, and never more than a few matters' events held at once.
                while (pending.size() > IN_FLIGHT_PER_THREAD * limits.threads()
                        || (!pending.isEmpty() && pending.peek().isDone())) {
                    add(comparison, pending.poll(), deadline, count);
                }
            });
            while (!pending.isEmpty()) {
                add(comparison, pending.poll(), deadline, count);
            }
        } finally {
            pending.forEach(readings -> readings.cancel(true));
        }
        return comparison.report(candidate.matterType(), candidate.version(), from, to);
    }

    /** One matter's three readings: as recorded, replayed under its own version, under the candidate. */
    private record Readings(MatterOutcome recorded, MatterOutcome asWas, MatterOutcome candidate) {}

    /** The readings of one matter's history, or null when the caller may not see the matter. */
    private Readings read(
            List<StoredEvent> stream,
            Caller caller,
            Map<Integer, PlaybookPublished> versions,
            PlaybookPublished candidate,
            EscalationRoutes candidateRoutes,
            LocalDate through) {
        List<Recorded> recorded = recorded(stream);
        AsRecorded asRecorded = replay.recorded(recorded, through);
        Matter matter = asRecorded.matter();
        if (!MatterAccess.permits(caller, matter)) {
            return null;
        }
        PlaybookPublished own = versions.get(matter.playbookVersion());
        if (own == null) {
            throw new IllegalStateException("matter " + matter.id() + " ran on playbook version "
                    + matter.playbookVersion() + ", which matter-service does not hold");
        }
        return new Readings(
                asRecorded.outcome(),
                replay.replay(recorded, own, routes(own), through),
                replay.replay(recorded, candidate, candidateRoutes, through));
    }

    private void add(ReplayComparison comparison, Future<Readings> next, long deadline, int count) {
        try {
            Readings readings = next.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (readings != null) {
                comparison.add(readings.recorded(), readings.asWas(), readings.candidate());
            }
        } catch (TimeoutException e) {
            throw timedOut(count);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure
                    ? failure
                    : new IllegalStateException("replaying a matter failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        }
    }

    private ProblemException timedOut(int count) {
        return new ProblemException(
                ProblemType.UNAVAILABLE,
                "The replay of " + count + " matters did not finish within " + limits.timeout()
                        + "; narrow the window");
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
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
