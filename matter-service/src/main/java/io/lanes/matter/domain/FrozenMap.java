package io.lanes.matter.domain;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An insertion-ordered map nobody can change, for the components of an immutable {@link Matter}: a new
 * state shares every component its event left alone instead of copying it (a fold copied all of them on
 * every event, a third of a replay's time), and copies only the one it changes.
 */
final class FrozenMap<K, V> extends AbstractMap<K, V> {

    private final Map<K, V> map;

    private FrozenMap(Map<K, V> owned) {
        this.map = owned;
    }

    /** {@code map} itself when it is frozen already, else a frozen copy. */
    static <K, V> Map<K, V> of(Map<K, V> map) {
        return map instanceof FrozenMap ? map : new FrozenMap<>(new LinkedHashMap<>(map));
    }

    /** A frozen copy of {@code map} with {@code key} set to {@code value}. */
    static <K, V> Map<K, V> with(Map<K, V> map, K key, V value) {
        Map<K, V> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return new FrozenMap<>(copy);
    }

    @Override
    public V get(Object key) {
        return map.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public Set<K> keySet() {
        return Collections.unmodifiableSet(map.keySet());
    }

    @Override
    public Collection<V> values() {
        return Collections.unmodifiableCollection(map.values());
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return Collections.unmodifiableMap(map).entrySet();
    }
}
