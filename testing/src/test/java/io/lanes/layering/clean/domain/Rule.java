package io.lanes.layering.clean.domain;

/** A pure rule. */
public final class Rule {

    public static boolean holds(int value) {
        return value > 0;
    }
}
