package io.lanes.matter.api;

import io.lanes.matter.persistence.MatterPages;
import io.lanes.platform.problem.FieldError;
import io.lanes.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Paged listings: {@code page} (from 0) and {@code size} (1 to {@value #MAX_SIZE}, default
 * {@value #DEFAULT_SIZE}); the body stays the array of the page, the total is in {@code X-Total-Count}
 * and the next page in a {@code Link} header, so clients of the unpaged listing keep working.
 */
record Paging(int page, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 100;
    static final String TOTAL = "X-Total-Count";

    static Paging of(Integer page, Integer size) {
        List<FieldError> errors = new ArrayList<>();
        if (page != null && page < 0) {
            errors.add(new FieldError("page", "must be 0 or more", "page"));
        }
        if (size != null && (size < 1 || size > MAX_SIZE)) {
            errors.add(new FieldError("size", "must be from 1 to " + MAX_SIZE, "page-size"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Paging(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    Response response(MatterPages.Page found, UriInfo uri) {
        Response.ResponseBuilder response = Response.ok(found.items()).header(TOTAL, found.total());
        if ((long) (page + 1) * size < found.total()) {
            response.link(
                    uri.getRequestUriBuilder()
                            .replaceQueryParam("page", page + 1)
                            .replaceQueryParam("size", size)
                            .build(),
                    "next");
        }
        return response.build();
    }
}
