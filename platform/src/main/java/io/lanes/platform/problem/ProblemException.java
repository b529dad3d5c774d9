package io.lanes.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown by services to answer with a problem: a domain rule broken (409), an unknown id (404), a
 * request that cannot be processed (422). The mapper turns it into problem+json.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(ProblemType type, String detail, List<FieldError> errors, Map<String, Object> extensions) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
    }

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, "No " + what + " " + id);
    }

    /** A command that breaks a rule of the aggregate; {@code rule} is a stable code clients may read. */
    public static ProblemException conflict(String rule, String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail, List.of(), Map.of("rule", rule));
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(ProblemType.INVALID_REQUEST, errors.size() + " invalid field(s)", errors, Map.of());
    }

    public static ProblemException unprocessable(String detail, List<FieldError> errors) {
        return new ProblemException(ProblemType.UNPROCESSABLE, detail, errors, Map.of());
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
