package io.lanes.platform.problem;

/**
 * The kinds of error a Lanes API answers, each with a stable {@code type} URI (RFC 9457) that
 * clients may switch on, and its HTTP status.
 */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", 400, "The request body or parameters cannot be read"),
    INVALID_REQUEST("invalid-request", 400, "The request has invalid fields"),
    UNAUTHORIZED("unauthorized", 401, "A valid bearer token is required"),
    FORBIDDEN("forbidden", 403, "Your role may not do this"),
    NOT_FOUND("not-found", 404, "No such resource"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "No acceptable representation"),
    CONFLICT("conflict", 409, "The request conflicts with the current state"),
    PRECONDITION_FAILED("precondition-failed", 412, "The resource changed since you read it"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    UNPROCESSABLE("unprocessable", 422, "The request cannot be processed as it is"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "The Idempotency-Key was used with a different request"),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests at once; retry after the time given"),
    INTERNAL("internal", 500, "Unexpected error"),
    UNAVAILABLE("unavailable", 503, "Temporarily unavailable");

    /** Prefix of every problem type URI. A URN: these types name kinds of error, they are not pages. */
    public static final String URI_PREFIX = "urn:lanes:problem:";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return URI_PREFIX + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The kind that goes with an HTTP status raised by the framework (404 route, 405, 415...). */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != INVALID_REQUEST && type != IDEMPOTENCY_KEY_REUSED) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    }
}
