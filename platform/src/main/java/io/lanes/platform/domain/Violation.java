package io.lanes.platform.domain;

/**
 * What is wrong with one field of an input, as the domain sees it.
 *
 * @param field   the field's path, e.g. {@code client.email} or {@code requiredFields[2].key}
 * @param message what is wrong, for a person
 * @param code    a stable machine-readable reason, e.g. {@code required}, {@code pattern}
 */
public record Violation(String field, String message, String code) {}
