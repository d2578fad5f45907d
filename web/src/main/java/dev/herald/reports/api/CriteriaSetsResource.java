package dev.herald.reports.api;

import dev.herald.platform.api.EntityTags;
import dev.herald.platform.api.Tagged;
import dev.herald.reports.boundary.CriteriaSetInput;
import dev.herald.reports.boundary.CriteriaSetService;
import dev.herald.reports.boundary.CriteriaSetView;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One criteria set. Reading needs any staff role; changing needs Manage Reports. */
@Tag(
        name = "Criteria sets",
        description = "Saved criteria of a report. Reading needs any staff role; changing needs Manage Reports.")
@Path("criteria-sets")
@Produces(MediaType.APPLICATION_JSON)
public class CriteriaSetsResource {

    @Inject
    CriteriaSetService criteriaSets;

    @Context
    HttpServletRequest request;

    @Tagged
    @GET
    @Path("{id}")
    @Operation(summary = "One criteria set; ETag is its version (\"7\")")
    public CriteriaSetView get(@PathParam("id") long id) {
        return criteriaSets.get(id);
    }

    @Tagged
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Rename a criteria set or change its criteria. If-Match (the ETag of GET, or *) is required: 428"
                    + " without it, 412 with the current version when it is stale; answers the new ETag")
    public CriteriaSetView update(
            @PathParam("id") long id,
            @HeaderParam(EntityTags.IF_MATCH) @Parameter(required = true) String ifMatch,
            CriteriaSetInput input) {
        return criteriaSets.update(id, input, EntityTags.ifMatch(ifMatch), request.getRemoteAddr());
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Delete a criteria set; schedule items made from it keep their copy of its criteria. If-Match is"
                    + " required (428 without it, 412 when stale)")
    @APIResponse(responseCode = "204", description = "The criteria set is deleted")
    public Response delete(
            @PathParam("id") long id, @HeaderParam(EntityTags.IF_MATCH) @Parameter(required = true) String ifMatch) {
        criteriaSets.delete(id, EntityTags.ifMatch(ifMatch), request.getRemoteAddr());
        return Response.noContent().build();
    }
}
