package io.lanes.platform.domain;

import java.util.List;

/**
 * A well-formed command the domain refuses whatever the aggregate's state (answered 422), e.g. a PM
 * moving a court-set deadline; the {@link Violation}s name the fields.
 *
 * @see #rule() a stable code clients may switch on, e.g. {@code HARD_DEADLINE_FIXED}
 */
public final class Refused extends DomainException {

    private final String rule;
    private final List<Violation> violations;

    public Refused(String rule, String detail, List<Violation> violations) {
        super(detail);
        this.rule = rule;
        this.violations = List.copyOf(violations);
    }

    public String rule() {
        return rule;
    }

    public List<Violation> violations() {
        return violations;
    }
}
