package dev.herald.access.api;

import dev.herald.access.boundary.RoleInput;
import dev.herald.access.boundary.RoleService;
import dev.herald.access.boundary.RoleView;
import dev.herald.platform.api.EntityTags;
import dev.herald.platform.api.Tagged;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/** Roles: read with Manage Users or Manage Roles; made, changed and deleted with Manage Roles. */
@Tag(
        name = "Roles",
        description = "Roles: read with Manage Users or Manage Roles; made, changed and deleted with Manage Roles.")
@Path("roles")
@Produces(MediaType.APPLICATION_JSON)
public class RolesResource {

    @Inject
    RoleService roles;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "Every role, built-in first, with permissions, assignable roles and number of holders")
    public List<RoleView> list() {
        return roles.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a custom role from permissions the caller holds")
    @APIResponse(
            responseCode = "201",
            description = "The role made",
            content = @Content(schema = @Schema(implementation = RoleView.class)))
    public Response create(RoleInput input, @Context UriInfo uri) {
        RoleView created = roles.create(input, request.getRemoteAddr());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(created.id()))
                        .build())
                .entity(created)
                .build();
    }

    @Tagged
    @GET
    @Path("{id}")
    @Operation(summary = "One role")
    public RoleView get(@PathParam("id") long id) {
        return roles.get(id);
    }

    @Tagged
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a role; built-in roles keep their names and permissions")
    public RoleView update(
            @PathParam("id") long id, @HeaderParam(EntityTags.IF_MATCH) String ifMatch, RoleInput input) {
        return roles.update(id, input, EntityTags.ifMatch(ifMatch), request.getRemoteAddr());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a custom role that nobody holds")
    @APIResponse(responseCode = "204", description = "The role is deleted")
    public Response delete(@PathParam("id") long id, @HeaderParam(EntityTags.IF_MATCH) String ifMatch) {
        roles.delete(id, EntityTags.ifMatch(ifMatch), request.getRemoteAddr());
        return Response.noContent().build();
    }
}
