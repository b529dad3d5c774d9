package io.lanes.kpi.api;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /dashboard} leads to the page (static, in META-INF/resources/dashboard/): a browser keeps the
 * fragment that carries the token across the redirect, and the filters go along. Every call the page makes
 * is the API's, with a bearer token: the fragment's locally, or, where the firm's identity provider signs
 * users in to the dashboard (the {@code dashboard} OIDC tenant), the access token of the user's session,
 * which {@code /dashboard/session} hands to the page.
 */
@Path("/dashboard")
@Tag(name = "Dashboard")
public class DashboardResource {

    /** The session's access token, for the page's API calls. */
    public record SignedIn(String accessToken) {}

    private static final CacheControl NEVER_STORED = CacheControl.valueOf("no-store");

    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "Redirects to the leadership dashboard page, /dashboard/, with the same filters")
    public Response page(@Context UriInfo uri) {
        String filters = uri.getRequestUri().getRawQuery();
        return Response.seeOther(URI.create("/dashboard/" + (filters == null ? "" : "?" + filters)))
                .build();
    }

    @GET
    @Path("/session")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The bearer token of the signed-in dashboard user",
            description = "Where the firm's identity provider signs users in to the dashboard (authorization-code"
                    + " flow), the access token of the browser's session, which the page sends to the API as its"
                    + " bearer token; without a session the browser is sent to sign in. Never stored by caches."
                    + " No content where no identity provider signs in to the dashboard: the token then comes in"
                    + " the page address's fragment.")
    @APIResponse(
            responseCode = "200",
            description = "The session's access token",
            content = @Content(schema = @Schema(implementation = SignedIn.class)))
    @APIResponse(responseCode = "204", description = "No identity provider signs in to the dashboard")
    public Response session() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            return Response.noContent().cacheControl(NEVER_STORED).build();
        }
        return Response.ok(new SignedIn(token.getToken()))
                .cacheControl(NEVER_STORED)
                .build();
    }
}
