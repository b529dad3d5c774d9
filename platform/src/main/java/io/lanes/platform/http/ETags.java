package io.lanes.platform.http;

import io.lanes.platform.problem.FieldError;
import io.lanes.platform.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import java.util.List;

/**
 * The stream version of an event-sourced resource as its ETag, and the version a client expects
 * from its {@code If-Match}: optimistic concurrency over HTTP.
 */
public final class ETags {

    private ETags() {}

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version in an {@code If-Match} header, or null when the header is absent or {@code *}. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(List.of(
                    new FieldError("If-Match", "must be the ETag of the resource as last read, e.g. \"3\"", "etag")));
        }
    }
}
