package io.lanes.platform.domain;

/**
 * A command or input the domain refuses. Deciders and rules throw these instead of HTTP types, so
 * the domain stays free of the web layer; {@code platform}'s problem mappers turn each kind into
 * RFC 9457 problem+json once, for every service.
 */
public abstract sealed class DomainException extends RuntimeException
        permits RuleBroken, Refused, NotFound, InvalidInput {

    protected DomainException(String message) {
        super(message);
    }
}
