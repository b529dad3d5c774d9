package io.lanes.matter.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lanes.contracts.Routing;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.contracts.opsconfig.PlaybookPublished.Thresholds;
import io.lanes.eventstore.StoredEvent;
import io.lanes.matter.config.MatterConfig;
import io.lanes.matter.persistence.ReplayHistory;
import io.lanes.platform.problem.Busy;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.problem.ProblemType;
import io.lanes.platform.security.Caller;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A replay's bounds, without a database: the number of matters, the timeout, one replay at a time. */
class PlaybookReplaysTest {

    private static final LocalDate FROM = LocalDate.parse("2026-01-01");
    private static final LocalDate TO = LocalDate.parse("2026-03-31");
    private static final Caller OPS = new Caller("o.ramirez", Set.of("ops"), Set.of("*"));
    private static final PlaybookPublished CANDIDATE = new PlaybookPublished(
            "commercial-litigation",
            4,
            "litigation",
            "o.ramirez",
            List.of(),
            List.of(),
            new Routing("litigation-east", "a.chen"),
            List.of(),
            List.of(),
            List.of(),
            new Thresholds(new BigDecimal("80"), new BigDecimal("100"), 2, 14, 24, null, null),
            List.of(),
            Map.of(),
            Instant.EPOCH);

    @Test
    void moreMattersThanTheLimitIsRefusedNamingTheWindow() {
        PlaybookReplays replays = replays(new History(6, stream -> {}), Duration.ofSeconds(30));

        ProblemException refused = assertThrows(ProblemException.class, () -> replays.replay(CANDIDATE, FROM, TO, OPS));

        assertEquals(ProblemType.INVALID_REQUEST, refused.type());
        assertEquals("too-many-matters", refused.errors().get(0).code());
    }

    @Test
    void aReplayPastItsTimeoutGivesUpWith503() {
        PlaybookReplays replays = replays(new History(1, each -> each.accept(List.of())), Duration.ZERO);

        ProblemException gaveUp = assertThrows(ProblemException.class, () -> replays.replay(CANDIDATE, FROM, TO, OPS));

        assertEquals(ProblemType.UNAVAILABLE, gaveUp.type());
    }

    @Test
    void aSecondReplayWhileOneRunsIsBusy() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PlaybookReplays replays = replays(
                new History(0, each -> {
                    running.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }),
                Duration.ofSeconds(30));
        CompletableFuture<?> first = CompletableFuture.runAsync(() -> replays.replay(CANDIDATE, FROM, TO, OPS));
        running.await(30, TimeUnit.SECONDS);

        assertThrows(Busy.class, () -> replays.replay(CANDIDATE, FROM, TO, OPS));

        release.countDown();
        first.get(30, TimeUnit.SECONDS);
        assertEquals(0, replays.replay(CANDIDATE, FROM, TO, OPS).matters(), "the next one runs once it is done");
    }

    private static PlaybookReplays replays(ReplayHistory history, Duration timeout) {
        return new PlaybookReplays(
                history, config(timeout), Clock.fixed(Instant.parse("2026-04-15T12:00:00Z"), ZoneOffset.UTC));
    }

    /** A history of {@code matters} matters that hands {@code each} what the test says. */
    private static final class History extends ReplayHistory {

        private final int matters;
        private final Consumer<Consumer<List<StoredEvent>>> streams;

        History(int matters, Consumer<Consumer<List<StoredEvent>>> streams) {
            super(null);
            this.matters = matters;
            this.streams = streams;
        }

        @Override
        public int countAccepted(String matterType, Instant from, Instant to) {
            return matters;
        }

        @Override
        public Map<Integer, PlaybookPublished> playbooks(String matterType) {
            return Map.of();
        }

        @Override
        public void forEachAccepted(String matterType, Instant from, Instant to, Consumer<List<StoredEvent>> each) {
            streams.accept(each);
        }
    }

    private static MatterConfig config(Duration timeout) {
        return new MatterConfig() {
            @Override
            public Optional<Set<LocalDate>> holidays() {
                return Optional.empty();
            }

            @Override
            public Map<String, String> teamLeads() {
                return Map.of();
            }

            @Override
            public boolean detectionEnabled() {
                return false;
            }

            @Override
            public String numberFormat() {
                return "%1$tY-%2$05d";
            }

            @Override
            public int maxJsonBytes() {
                return 262_144;
            }

            @Override
            public Ledes ledes() {
                return null;
            }

            @Override
            public Replay replay() {
                return new Replay() {
                    @Override
                    public int maxWindowDays() {
                        return 400;
                    }

                    @Override
                    public int maxMatters() {
                        return 5;
                    }

                    @Override
                    public int threads() {
                        return 2;
                    }

                    @Override
                    public Duration timeout() {
                        return timeout;
                    }
                };
            }
        };
    }
}
