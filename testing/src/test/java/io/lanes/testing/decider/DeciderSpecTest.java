package io.lanes.testing.decider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The fixture on a counter that may not go below zero. */
class DeciderSpecTest {

    private final DeciderSpec<Integer, Integer, Integer> spec = DeciderSpec.of(0, Integer::sum, (delta, total) -> {
        if (total + delta < 0) {
            throw new IllegalStateException("below zero");
        }
        return delta == 0 ? List.of() : List.of(delta);
    });

    @Test
    void thenComparesTheDecidedEvents() {
        spec.given(2, 3).when(-4).then(-4);
    }

    @Test
    void thenFailsWhenTheEventsDiffer() {
        assertThrows(AssertionFailedError.class, () -> spec.given(2).when(1).then(2));
    }

    @Test
    void givenCommandsFoldsTheEventsTheyDecide() {
        assertEquals(5, spec.givenCommands(2, 0, 3).state());
    }

    @Test
    void aRefusalIsCaughtByThenFails() {
        assertEquals(
                "below zero",
                spec.given(1).when(-2).thenFails(IllegalStateException.class).getMessage());
    }

    @Test
    void aRefusalWhereEventsWereExpectedFailsTheTest() {
        assertThrows(AssertionFailedError.class, () -> spec.given().when(-1).then(-1));
    }

    @Test
    void nothingMeansNoEvent() {
        spec.given(1).when(0).thenNothing();
    }
}
