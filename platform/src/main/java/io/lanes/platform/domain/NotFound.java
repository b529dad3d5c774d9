package io.lanes.platform.domain;

/** A command names something the aggregate does not have (answered 404). */
public final class NotFound extends DomainException {

    public NotFound(String what, Object id) {
        super("No " + what + " " + id);
    }
}
