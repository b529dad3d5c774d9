package io.lanes.layering.clean.api;

import io.lanes.layering.clean.service.Counting;

/** A resource that calls a service. */
public final class CountResource {

    public boolean get() {
        return Counting.positive(() -> 1);
    }
}
