package io.lanes.platform.domain;

/**
 * A command breaks a rule of the aggregate in its current state (answered 409).
 *
 * @see #rule() a stable code clients may switch on, e.g. {@code MATTER_NOT_OPEN}
 */
public final class RuleBroken extends DomainException {

    private final String rule;

    public RuleBroken(String rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
