package io.lanes.testing.decider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Decider tests that read like a specification, one behaviour per test:
 * {@code given(events).when(command).then(events)}, or {@code thenFails(RuleBroken.class)}.
 * {@code givenCommands} builds the history by deciding commands in turn, as the service does, for
 * histories whose events are tedious to write by hand.
 *
 * <p>Takes the decider as its two functions and initial state rather than eventstore's
 * {@code Decider}, because eventstore's own tests depend on this module.
 *
 * @param <C> commands
 * @param <S> state
 * @param <E> events
 */
public final class DeciderSpec<C, S, E> {

    private final S initial;
    private final BiFunction<S, E, S> evolve;
    private final BiFunction<C, S, List<E>> decide;

    private DeciderSpec(S initial, BiFunction<S, E, S> evolve, BiFunction<C, S, List<E>> decide) {
        this.initial = initial;
        this.evolve = evolve;
        this.decide = decide;
    }

    public static <C, S, E> DeciderSpec<C, S, E> of(
            S initial, BiFunction<S, E, S> evolve, BiFunction<C, S, List<E>> decide) {
        return new DeciderSpec<>(initial, evolve, decide);
    }

    /** The aggregate after these events. */
    @SafeVarargs
    public final Given given(E... events) {
        return new Given(Arrays.asList(events));
    }

    /** The aggregate after deciding these commands in turn on the state each left. */
    @SafeVarargs
    public final Given givenCommands(C... commands) {
        List<E> history = new ArrayList<>();
        S state = initial;
        for (C command : commands) {
            for (E event : decide.apply(command, state)) {
                history.add(event);
                state = evolve.apply(state, event);
            }
        }
        return new Given(history);
    }

    public final class Given {

        private final List<E> history;

        private Given(List<E> history) {
            this.history = List.copyOf(history);
        }

        /** The history so far, for a test that builds the next command from it. */
        public List<E> history() {
            return history;
        }

        /** The state the history folds to. */
        public S state() {
            S state = initial;
            for (E event : history) {
                state = evolve.apply(state, event);
            }
            return state;
        }

        /** More history: the events these commands decide on the state so far. */
        @SafeVarargs
        public final Given andCommands(C... commands) {
            List<E> more = new ArrayList<>(history);
            S state = state();
            for (C command : commands) {
                for (E event : decide.apply(command, state)) {
                    more.add(event);
                    state = evolve.apply(state, event);
                }
            }
            return new Given(more);
        }

        public When when(C command) {
            return new When(state(), command);
        }
    }

    public final class When {

        private final S state;
        private final C command;

        private When(S state, C command) {
            this.state = state;
            this.command = command;
        }

        /** Exactly these events, in this order. */
        @SafeVarargs
        public final void then(E... expected) {
            assertEquals(Arrays.asList(expected), events());
        }

        /** No event: the command changes nothing. */
        public void thenNothing() {
            assertEquals(List.of(), events());
        }

        /** The events, checked by {@code assertions}, for events whose ids or details the test cannot know. */
        public void thenEvents(Consumer<List<E>> assertions) {
            assertions.accept(events());
        }

        /** The command is refused with {@code type}; the exception, to check its details. */
        public <X extends Throwable> X thenFails(Class<X> type) {
            return assertThrows(type, () -> decide.apply(command, state));
        }

        /** The state after the decided events, for a test of what a command leaves behind. */
        public S thenState() {
            S next = state;
            for (E event : events()) {
                next = evolve.apply(next, event);
            }
            return next;
        }

        private List<E> events() {
            try {
                return decide.apply(command, state);
            } catch (RuntimeException e) {
                return fail("expected events, but " + command + " was refused: " + e, e);
            }
        }
    }
}
