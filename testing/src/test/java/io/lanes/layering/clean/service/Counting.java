package io.lanes.layering.clean.service;

import io.lanes.layering.clean.domain.Rule;
import io.lanes.layering.clean.persistence.Rows;

/** A service that calls persistence and the domain. */
public final class Counting {

    public static boolean positive(java.util.function.IntSupplier rows) {
        return Rule.holds(rows.getAsInt()) && Rows.class != null;
    }
}
