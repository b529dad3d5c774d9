package io.lanes.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details document, with field-level {@code errors} for validation failures and
 * extension members (e.g. the broken {@code rule} of a 409) written at the top level as the RFC says.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(description = "Stable URI naming the kind of error", example = "urn:lanes:problem:invalid-request")
        String type,

        String title,
        int status,
        String detail,
        @Schema(description = "The request path") String instance,
        @Schema(description = "Field-level details") List<FieldError> errors,
        @JsonAnyGetter @Schema(hidden = true) Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
