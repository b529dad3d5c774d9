package io.lanes.cyclic.second;

import io.lanes.cyclic.first.First;

/** The other half of a package cycle. */
public final class Second {

    public First back() {
        return new First();
    }
}
