package dev.herald.scopes.api;

import dev.herald.scopes.boundary.ScopeKindInput;
import dev.herald.scopes.boundary.ScopeKindView;
import dev.herald.scopes.boundary.ScopeService;
import dev.herald.scopes.boundary.ScopeValueView;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Scope kinds: what accounts can be limited to (a promoter, a company, a tenant). Staff read them and
 * their values; Super Administrators declare, change and remove them.
 */
@Tag(
        name = "Scope kinds",
        description =
                "Scope kinds: what accounts can be limited to (a promoter, a company, a tenant). Staff read them and their values; Super Administrators declare, change and remove them.")
@Path("scope-kinds")
@Produces(MediaType.APPLICATION_JSON)
public class ScopeKindsResource {

    @Inject
    ScopeService scopes;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "Every scope kind, with how many accounts hold a value of it")
    public List<ScopeKindView> list() {
        return scopes.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Declare a scope kind (Super Administrators): key, label, TEXT or NUMBER, lookup query")
    @APIResponse(
            responseCode = "201",
            description = "The scope kind declared",
            content = @Content(schema = @Schema(implementation = ScopeKindView.class)))
    public Response create(ScopeKindInput input, @Context UriInfo uri) {
        ScopeKindView created = scopes.create(input, request.getRemoteAddr());
        return Response.created(
                        uri.getAbsolutePathBuilder().path(created.kind()).build())
                .entity(created)
                .build();
    }

    @GET
    @Path("{kind}")
    @Operation(summary = "One scope kind")
    public ScopeKindView get(@PathParam("kind") String kind) {
        return scopes.get(kind);
    }

    @PUT
    @Path("{kind}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a scope kind's label, value type or lookup (Super Administrators)")
    public ScopeKindView update(@PathParam("kind") String kind, ScopeKindInput input) {
        return scopes.update(kind, input, request.getRemoteAddr());
    }

    @DELETE
    @Path("{kind}")
    @Operation(summary = "Remove a scope kind no account holds, no report binds and no schedule item names")
    @APIResponse(responseCode = "204", description = "The scope kind is removed")
    public Response delete(@PathParam("kind") String kind) {
        scopes.delete(kind, request.getRemoteAddr());
        return Response.noContent().build();
    }

    @GET
    @Path("{kind}/values")
    @Operation(summary = "The kind's values (value and name) containing q, at most limit (≤ 200)")
    public List<ScopeValueView> values(
            @PathParam("kind") String kind, @QueryParam("q") String q, @QueryParam("limit") Integer limit) {
        return scopes.values(kind, q, limit);
    }
}
