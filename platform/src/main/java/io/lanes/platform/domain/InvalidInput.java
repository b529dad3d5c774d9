package io.lanes.platform.domain;

import java.util.List;

/** Input that breaks the domain's shape rules, one {@link Violation} per field (answered 400). */
public final class InvalidInput extends DomainException {

    private final List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(violations.size() + " invalid field(s)");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
