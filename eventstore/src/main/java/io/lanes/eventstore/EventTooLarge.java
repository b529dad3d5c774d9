package io.lanes.eventstore;

/**
 * An event too large to store: Kafka would refuse it, so stored it would sit in the outbox forever.
 * Services answer 413 naming the size; nothing of the append is written.
 */
public class EventTooLarge extends RuntimeException {

    private final int bytes;
    private final int maxBytes;

    public EventTooLarge(String streamId, String ceType, int bytes, int maxBytes) {
        super("The " + ceType + " event of " + streamId + " would be " + bytes + " bytes; at most " + maxBytes
                + " bytes may be stored");
        this.bytes = bytes;
        this.maxBytes = maxBytes;
    }

    public int bytes() {
        return bytes;
    }

    public int maxBytes() {
        return maxBytes;
    }
}
