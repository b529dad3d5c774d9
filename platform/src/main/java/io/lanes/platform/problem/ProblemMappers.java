package io.lanes.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.lanes.platform.domain.InvalidInput;
import io.lanes.platform.domain.NotFound;
import io.lanes.platform.domain.Refused;
import io.lanes.platform.domain.RuleBroken;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every failure of a request to RFC 9457 problem+json: validation with field-level errors,
 * unreadable JSON with the failing field, auth failures, framework statuses, domain problems, and
 * unexpected errors (logged with a reference, never a stack trace to the client).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return ProblemResponses.of(e.type(), e.getMessage(), path(uri), e.errors(), e.extensions());
    }

    /** At a limit of concurrent work: 429 and when to retry (whole seconds, at least 1). */
    @ServerExceptionMapper
    public Response busy(Busy e, UriInfo uri) {
        Response problem = ProblemResponses.of(ProblemType.TOO_MANY_REQUESTS, e.getMessage(), path(uri));
        return Response.fromResponse(problem)
                .header("Retry-After", Math.max(1, e.retryAfter().toSeconds()))
                .build();
    }

    /** A command that breaks a rule of the aggregate: 409, with the rule's stable code as the {@code rule} member. */
    @ServerExceptionMapper
    public Response ruleBroken(RuleBroken e, UriInfo uri) {
        return ProblemResponses.of(
                ProblemType.CONFLICT, e.getMessage(), path(uri), List.of(), Map.of("rule", e.rule()));
    }

    /** A well-formed command the domain refuses: 422, with the rule's code and the fields named. */
    @ServerExceptionMapper
    public Response refused(Refused e, UriInfo uri) {
        return ProblemResponses.of(
                ProblemType.UNPROCESSABLE,
                e.getMessage(),
                path(uri),
                e.violations().stream().map(FieldError::of).collect(Collectors.toList()),
                Map.of("rule", e.rule()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFound e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.NOT_FOUND, e.getMessage(), path(uri));
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInput e, UriInfo uri) {
        return ProblemResponses.of(
                ProblemType.INVALID_REQUEST,
                e.getMessage(),
                path(uri),
                e.violations().stream().map(FieldError::of).collect(Collectors.toList()),
                Map.of());
    }

    @ServerExceptionMapper
    public Response requestViolations(ResteasyReactiveViolationException e, UriInfo uri) {
        return violations(e, uri);
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldPath(v), v.getMessage(), constraintCode(v)))
                .sorted(Comparator.comparing(FieldError::field))
                .collect(Collectors.toList());
        return ProblemResponses.of(
                ProblemType.INVALID_REQUEST, errors.size() + " invalid field(s)", path(uri), errors, Map.of());
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        if (e instanceof JsonMappingException
                && !((JsonMappingException) e).getPath().isEmpty()) {
            String field = jsonPath(((JsonMappingException) e).getPath());
            errors.add(new FieldError(field, "cannot be read: " + firstLine(e.getOriginalMessage()), "unreadable"));
        }
        String detail = errors.isEmpty()
                ? "The body is not valid JSON: " + firstLine(e.getOriginalMessage())
                : "A field of the body has the wrong type or format";
        return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, detail, path(uri), errors, Map.of());
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.UNAUTHORIZED, "Send a valid bearer token", path(uri));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.UNAUTHORIZED, "The bearer token is invalid or expired", path(uri));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.FORBIDDEN, "Your role may not do this", path(uri));
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        return ProblemResponses.of(type, e.getMessage() == null ? type.title() : e.getMessage(), path(uri));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, reference %s, on %s", reference, path(uri));
        return ProblemResponses.of(
                ProblemType.INTERNAL,
                "Unexpected error; quote reference " + reference,
                path(uri),
                List.of(),
                Map.of("reference", reference));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** The property path without the method and parameter names: {@code create.body.client.email} -> {@code client.email}. */
    private static String fieldPath(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                names.clear();
                names.add(node.getName());
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null) {
                name = (name == null ? "" : name) + "[" + node.getIndex() + "]";
            } else if (node.getKey() != null) {
                name = (name == null ? "" : name + ".") + node.getKey();
            }
            if (name != null) {
                names.add(name);
            }
        }
        // A body parameter's own name says nothing to the client; query and path parameters keep theirs.
        if (names.size() > 1) {
            names.remove(0);
        }
        return String.join(".", names).replace(".[", "[");
    }

    private static String constraintCode(ConstraintViolation<?> violation) {
        String annotation = violation
                .getConstraintDescriptor()
                .getAnnotation()
                .annotationType()
                .getSimpleName();
        return annotation.substring(0, 1).toLowerCase() + annotation.substring(1);
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
