package io.lanes.matter.ledes;

/** The file as a whole is not LEDES 1998B (empty, binary, wrong first lines): nothing of it is read. */
public final class NotLedes extends RuntimeException {

    public NotLedes(String message) {
        super(message);
    }
}
