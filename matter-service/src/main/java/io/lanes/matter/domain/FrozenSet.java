package io.lanes.matter.domain;

import java.util.AbstractSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * A set nobody can change, for a component of an immutable {@link Matter} that grows one element per
 * event (the time entries recorded): adding copies it once, where a copy into an immutable set after the
 * copy that adds to it made two.
 */
final class FrozenSet<E> extends AbstractSet<E> {

    private final Set<E> set;

    private FrozenSet(Set<E> owned) {
        this.set = owned;
    }

    /** {@code set} itself when it is frozen already, else a frozen copy. */
    static <E> Set<E> of(Set<E> set) {
        return set instanceof FrozenSet ? set : new FrozenSet<>(new HashSet<>(set));
    }

    /** A frozen copy of {@code set} with {@code element} added. */
    static <E> Set<E> with(Set<E> set, E element) {
        Set<E> copy = new HashSet<>(set);
        copy.add(element);
        return new FrozenSet<>(copy);
    }

    @Override
    public boolean contains(Object element) {
        return set.contains(element);
    }

    @Override
    public int size() {
        return set.size();
    }

    @Override
    public Iterator<E> iterator() {
        return Collections.unmodifiableSet(set).iterator();
    }
}
