package io.lanes.testing.decider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The totality check finds a case no branch handles, and passes a dispatch that handles all. */
class SealedDispatchTest {

    sealed interface Command permits Open, Close, Nested {}

    record Open(String by, LocalDate on, List<String> items) implements Command {}

    record Close(int code) implements Command {}

    sealed interface Nested extends Command permits Archive {}

    record Archive(Open original) implements Nested {}

    static final class Unhandled extends RuntimeException {}

    @Test
    void aDispatchThatHandlesEveryCasePasses() {
        SealedDispatch.assertHandlesEvery(
                c -> {
                    if (c instanceof Open || c instanceof Close || c instanceof Archive) {
                        return;
                    }
                    throw new Unhandled();
                },
                Unhandled.class,
                Command.class);
    }

    @Test
    void aCaseWithoutABranchFailsNamingIt() {
        AssertionFailedError e = assertThrows(
                AssertionFailedError.class,
                () -> SealedDispatch.assertHandlesEvery(
                        c -> {
                            if (c instanceof Open || c instanceof Close) {
                                return;
                            }
                            throw new Unhandled();
                        },
                        Unhandled.class,
                        Command.class));
        assertTrue(e.getMessage().contains("Archive"), e.getMessage());
    }

    @Test
    void aBranchThatRefusesTheSampleStillCountsAsHandled() {
        SealedDispatch.assertHandlesEvery(
                c -> {
                    throw new IllegalArgumentException("refused");
                },
                Unhandled.class,
                Command.class);
    }

    @Test
    void nestedSealedTypesAreWalkedToTheirRecords() {
        assertEquals(List.of(Open.class, Close.class, Archive.class), SealedDispatch.leaves(Command.class));
    }

    @Test
    void samplesHavePlainValuesAndSampledRecords() {
        Archive archive = (Archive) SealedDispatch.sample(Archive.class);
        assertEquals(new Open("sample", LocalDate.EPOCH, List.of()), archive.original());
    }
}
