package io.lanes.platform.problem;

import io.lanes.platform.domain.Violation;

/**
 * What is wrong with one field of a request.
 *
 * @param field   the field's path in the request, e.g. {@code client.email} or {@code fields.adverseParties}
 * @param message what is wrong, for a person
 * @param code    a stable machine-readable reason, e.g. {@code required}, {@code invalid-format}
 */
public record FieldError(String field, String message, String code) {

    public static FieldError of(String field, String message) {
        return new FieldError(field, message, null);
    }

    public static FieldError of(Violation violation) {
        return new FieldError(violation.field(), violation.message(), violation.code());
    }
}
