package dev.herald.access.api;

import dev.herald.access.boundary.ApiTokenDetails;
import dev.herald.access.boundary.ApiTokenService;
import dev.herald.access.boundary.NewApiToken;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's API tokens. The secret is in the answer to POST and nowhere else, ever. */
@Tag(
        name = "API tokens",
        description = "The caller's API tokens. The secret is in the answer to POST and nowhere else, ever.")
@Path("api-tokens")
@Produces(MediaType.APPLICATION_JSON)
public class ApiTokensResource {

    /** What to call a new token, and optionally when it stops working. */
    public record CreateRequest(String name, Instant expiresAt) {}

    @Inject
    ApiTokenService tokens;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "The caller's tokens, newest first, without their secrets")
    public List<ApiTokenDetails> list() {
        return tokens.mine();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a token; the answer holds its secret, shown this once")
    @APIResponse(
            responseCode = "201",
            description = "The token made, with its secret (shown this once)",
            content = @Content(schema = @Schema(implementation = NewApiToken.class)))
    public Response create(CreateRequest body, @Context UriInfo uri) {
        CreateRequest input = body == null ? new CreateRequest(null, null) : body;
        NewApiToken created = tokens.create(input.name(), input.expiresAt(), request.getRemoteAddr());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(created.token().id()))
                        .build())
                .entity(created)
                .build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke one of the caller's tokens; it stops working at once")
    public ApiTokenDetails revoke(@PathParam("id") long id) {
        return tokens.revoke(id, request.getRemoteAddr());
    }
}
