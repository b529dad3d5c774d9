package io.lanes.kpi.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /dashboard} leads to the page (static, in META-INF/resources/dashboard/): a browser keeps the
 * fragment that carries the token across the redirect, and the filters go along. The page itself needs no role; every call it
 * makes is the API's, with the token.
 */
@Path("/dashboard")
@Tag(name = "Dashboard")
public class DashboardResource {

    @GET
    @Operation(summary = "Redirects to the leadership dashboard page, /dashboard/, with the same filters")
    public Response page(@Context UriInfo uri) {
        String filters = uri.getRequestUri().getRawQuery();
        return Response.seeOther(URI.create("/dashboard/" + (filters == null ? "" : "?" + filters)))
                .build();
    }
}
