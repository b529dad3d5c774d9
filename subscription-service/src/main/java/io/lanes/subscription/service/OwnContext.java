package io.lanes.subscription.service;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Executor;

/**
 * A fresh, isolated Vert.x context to run reactive-session work on, for work that starts outside a
 * request (timers, streams woken by a delay): a reactive session lives on its context, and concurrent
 * pieces of work must not share one.
 */
final class OwnContext {

    private OwnContext() {}

    static Executor of(Vertx vertx) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return task -> context.runOnContext(ignored -> task.run());
    }
}
