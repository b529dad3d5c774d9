package io.lanes.cyclic.first;

import io.lanes.cyclic.second.Second;

/** One half of a package cycle. */
public final class First {

    public Second next() {
        return new Second();
    }
}
