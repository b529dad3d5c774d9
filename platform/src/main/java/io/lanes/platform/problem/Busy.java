package io.lanes.platform.problem;

import java.time.Duration;

/** The service is at its limit of work of this kind: 429 with {@code Retry-After}, nothing was done. */
public class Busy extends RuntimeException {

    private final Duration retryAfter;

    public Busy(String detail, Duration retryAfter) {
        super(detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
