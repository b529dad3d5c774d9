package io.lanes.eventstore.aggregate;

/**
 * Ends a decider's {@code instanceof} dispatch: a command or event no branch handles. It is a bug in
 * the decider, which each decider's totality test finds (Java 17 has no exhaustive pattern switch).
 */
public final class UnhandledCase extends IllegalStateException {

    public UnhandledCase(Object what) {
        super("No branch handles " + (what == null ? "null" : what.getClass().getName()));
    }
}
