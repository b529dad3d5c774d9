package io.lanes.contracts;

/**
 * A record that can never be processed as it is (missing headers, unknown type, invalid JSON or a
 * schema violation). Consumers send it to the dead-letter topic with {@link #getMessage()} as the
 * reason instead of retrying it forever.
 */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String reason) {
        super(reason);
    }

    public PoisonRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
