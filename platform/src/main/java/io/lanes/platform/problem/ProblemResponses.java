package io.lanes.platform.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Builds problem+json responses, so every error of every service has one shape. */
public final class ProblemResponses {

    private ProblemResponses() {}

    public static Response of(
            ProblemType type, String detail, String instance, List<FieldError> errors, Map<String, Object> extensions) {
        Response.ResponseBuilder builder = Response.status(type.status())
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(type.uri(), type.title(), type.status(), detail, instance, errors, extensions));
        if (type == ProblemType.UNAUTHORIZED) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }

    public static Response of(ProblemType type, String detail, String instance) {
        return of(type, detail, instance, List.of(), Map.of());
    }
}
