package io.lanes.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown by services and resources to answer with a problem: an unknown id (404), a stale version
 * (412), a request that cannot be processed (422). The domain throws {@code platform.domain}'s
 * exceptions instead, which never name HTTP. The mapper turns both into problem+json.
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

    /**
     * The client's {@code If-Match} names a version the resource has moved past (412).
     *
     * @param current the resource's version, or a negative number when only "newer" is known
     */
    public static ProblemException staleVersion(String what, long current, long expected) {
        return new ProblemException(
                ProblemType.PRECONDITION_FAILED,
                "The " + what + " is at version "
                        + (current < 0 ? "newer than " + expected : Long.toString(current)) + ", not " + expected
                        + "; reload it and apply your change again");
    }

    /** Fails unless {@code expected} (from If-Match, null when absent) is the current version. */
    public static void requireVersion(String what, long current, Long expected) {
        if (expected != null && expected != current) {
            throw staleVersion(what, current, expected);
        }
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
