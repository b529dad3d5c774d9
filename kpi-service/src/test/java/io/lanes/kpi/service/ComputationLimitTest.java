package io.lanes.kpi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lanes.platform.problem.Busy;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Given computations holding every permit, when one more comes, then it is refused until one ends. */
class ComputationLimitTest {

    private final ComputationLimit limit = new ComputationLimit(2);

    @Test
    void aComputationBeyondTheLimitIsRefusedAndAdmittedOnceAPermitIsBack() {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        Cancellable a = limit.run(() -> Uni.createFrom().completionStage(first))
                .subscribe()
                .with(x -> {});
        limit.run(() -> Uni.createFrom().completionStage(second)).subscribe().with(x -> {});

        Busy busy = assertThrows(
                Busy.class,
                () -> limit.run(() -> Uni.createFrom().item("third")).await().indefinitely());
        assertEquals(Duration.ofSeconds(1), busy.retryAfter());

        first.complete("done");
        assertEquals(
                "third", limit.run(() -> Uni.createFrom().item("third")).await().indefinitely());
        a.cancel();
        second.complete("done");
    }

    @Test
    void aFailedOrCancelledComputationGivesItsPermitBack() {
        for (int i = 0; i < 3; i++) {
            assertThrows(
                    IllegalStateException.class,
                    () -> limit.run(() ->
                                    Uni.createFrom().<String>failure(new IllegalStateException("query timed out")))
                            .await()
                            .indefinitely());
        }
        for (int i = 0; i < 3; i++) {
            limit.run(() -> Uni.createFrom().<String>nothing())
                    .subscribe()
                    .with(x -> {})
                    .cancel();
        }
        assertEquals("ok", limit.run(() -> Uni.createFrom().item("ok")).await().indefinitely());
    }
}
