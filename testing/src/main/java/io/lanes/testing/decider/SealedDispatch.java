package io.lanes.testing.decider;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Proves a decider's {@code instanceof} dispatch is total, as an exhaustive {@code switch} would on
 * Java 21: for every record permitted by a sealed type (walked through
 * {@link Class#getPermittedSubclasses()}, nested sealed types included), a sample instance is
 * dispatched and must not end in the decider's "unhandled" exception. A new command or event that
 * no branch handles therefore fails a test, not a user's request.
 *
 * <p>Samples are built from each record's canonical constructor with plain values (empty
 * collections, zero, the epoch, the first enum constant, nested records sampled the same way), so
 * adding a record needs no test change. A domain refusal or any other failure inside a branch
 * counts as handled: the dispatch reached it.
 */
public final class SealedDispatch {

    private SealedDispatch() {}

    /**
     * Dispatches a sample of every record permitted by {@code types} (sealed types, or records that
     * stand alone in a stream) to {@code dispatch} and fails naming each one that ends in
     * {@code unhandled}.
     */
    public static void assertHandlesEvery(
            Consumer<Object> dispatch, Class<? extends Throwable> unhandled, Class<?>... types) {
        List<Class<?>> leaves = new ArrayList<>();
        for (Class<?> type : types) {
            assertTrue(
                    type.isSealed() || type.isRecord(),
                    type.getName() + " must be sealed (so that its cases can be listed) or a record");
            collectLeaves(type, leaves);
        }
        List<String> missed = new ArrayList<>();
        for (Class<?> leaf : leaves) {
            Object sample = sample(leaf);
            try {
                dispatch.accept(sample);
            } catch (Throwable e) {
                if (unhandled.isInstance(e)) {
                    missed.add(leaf.getName());
                }
            }
        }
        if (!missed.isEmpty()) {
            fail("no branch handles " + missed);
        }
    }

    /** Every concrete class permitted by {@code sealed}, recursively. */
    public static List<Class<?>> leaves(Class<?> sealed) {
        List<Class<?>> leaves = new ArrayList<>();
        collectLeaves(sealed, leaves);
        return leaves;
    }

    private static void collectLeaves(Class<?> type, List<Class<?>> into) {
        if (!type.isSealed()) {
            into.add(type);
            return;
        }
        for (Class<?> permitted : type.getPermittedSubclasses()) {
            collectLeaves(permitted, into);
        }
    }

    /** A record instance with a plain value for every component. */
    static Object sample(Class<?> type) {
        if (!type.isRecord()) {
            return fail(type.getName() + " is not a record; commands and events are records");
        }
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = plainValue(types[i]);
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            return fail("cannot build a sample of " + type.getName() + ": " + e, e);
        }
    }

    private static final Map<Class<?>, Object> PRIMITIVE_ZEROS = Map.of(
            boolean.class,
            false,
            int.class,
            0,
            long.class,
            0L,
            short.class,
            (short) 0,
            byte.class,
            (byte) 0,
            double.class,
            0d,
            float.class,
            0f,
            char.class,
            '0');

    private static Object plainValue(Class<?> type) {
        if (type.isPrimitive()) {
            return PRIMITIVE_ZEROS.get(type);
        }
        if (type == String.class) {
            return "sample";
        }
        if (type == UUID.class) {
            return new UUID(0, 1);
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (type == LocalDate.class) {
            return LocalDate.EPOCH;
        }
        if (type == BigDecimal.class) {
            return BigDecimal.ZERO;
        }
        if (List.class.isAssignableFrom(type) || type == Collection.class) {
            return List.of();
        }
        if (Set.class.isAssignableFrom(type)) {
            return Set.of();
        }
        if (Map.class.isAssignableFrom(type)) {
            return Map.of();
        }
        if (type == Optional.class) {
            return Optional.empty();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isRecord()) {
            return sample(type);
        }
        return null;
    }
}
