package io.lanes.eventstore;

/**
 * The stream moved on since the caller read it: another writer appended first. Services answer 409
 * (or 412 when the client sent {@code If-Match}), or load the stream again and retry.
 */
public class ConcurrencyConflict extends RuntimeException {

    private final String streamId;
    private final long expectedVersion;
    private final long actualVersion;

    public ConcurrencyConflict(String streamId, long expectedVersion, long actualVersion) {
        super("Stream " + streamId + " is at version " + (actualVersion < 0 ? "unknown" : actualVersion) + ", not "
                + expectedVersion);
        this.streamId = streamId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public String streamId() {
        return streamId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    /** The version found, or -1 when the conflict surfaced as a unique-key violation at insert. */
    public long actualVersion() {
        return actualVersion;
    }
}
