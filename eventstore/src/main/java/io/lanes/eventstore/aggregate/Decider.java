package io.lanes.eventstore.aggregate;

import java.util.List;

/**
 * An event-sourced aggregate as two pure functions: {@code decide} turns a command and the current
 * state into new events (or throws a domain rule violation), {@code evolve} folds one event into the
 * state. No reflection: each aggregate dispatches with {@code instanceof} patterns.
 *
 * @param <C> commands
 * @param <S> state
 * @param <E> events
 */
public interface Decider<C, S, E> {

    S initialState();

    S evolve(S state, E event);

    List<E> decide(C command, S state);

    /** The state after {@code events}, from the initial state. */
    default S fold(List<? extends E> events) {
        S state = initialState();
        for (E event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
