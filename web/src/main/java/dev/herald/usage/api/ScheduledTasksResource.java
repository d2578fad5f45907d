package dev.herald.usage.api;

import dev.herald.platform.api.EntityTags;
import dev.herald.platform.api.Tagged;
import dev.herald.platform.boundary.Page;
import dev.herald.usage.boundary.ScheduledTaskInput;
import dev.herald.usage.boundary.ScheduledTaskService;
import dev.herald.usage.boundary.ScheduledTaskView;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Scheduled tasks (Scheduled Task Management): usage reports mailed regularly. */
@Tag(
        name = "Scheduled tasks",
        description = "Scheduled tasks (Scheduled Task Management): usage reports mailed regularly.")
@Path("scheduled-tasks")
@Produces(MediaType.APPLICATION_JSON)
public class ScheduledTasksResource {

    @Inject
    ScheduledTaskService tasks;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "The scheduled tasks by name, with their next run")
    public Page<ScheduledTaskView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return tasks.list(page, size);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a task (all tenants); 400 names every invalid field")
    @APIResponse(
            responseCode = "201",
            description = "The scheduled task made",
            content = @Content(schema = @Schema(implementation = ScheduledTaskView.class)))
    public Response create(ScheduledTaskInput input) {
        return Response.status(Response.Status.CREATED)
                .entity(tasks.create(input, request.getRemoteAddr()))
                .build();
    }

    @Tagged
    @GET
    @Path("{id}")
    @Operation(summary = "One scheduled task")
    public ScheduledTaskView get(@PathParam("id") long id) {
        return tasks.get(id);
    }

    @Tagged
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change a task (its tenants stay as they were). If-Match (the ETag of GET) is honoured when sent:"
                    + " 412 with the current version when stale")
    public ScheduledTaskView update(
            @PathParam("id") long id, @HeaderParam(EntityTags.IF_MATCH) String ifMatch, ScheduledTaskInput input) {
        return tasks.update(id, input, EntityTags.ifMatch(ifMatch), request.getRemoteAddr());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a task; reports it made stay in the run history")
    @APIResponse(responseCode = "204", description = "The scheduled task is deleted")
    public Response delete(@PathParam("id") long id, @HeaderParam(EntityTags.IF_MATCH) String ifMatch) {
        tasks.delete(id, EntityTags.ifMatch(ifMatch), request.getRemoteAddr());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/enable")
    @Operation(summary = "Enable a task")
    public ScheduledTaskView enable(@PathParam("id") long id) {
        return tasks.enable(id, request.getRemoteAddr());
    }

    @POST
    @Path("{id}/disable")
    @Operation(summary = "Disable a task")
    public ScheduledTaskView disable(@PathParam("id") long id) {
        return tasks.disable(id, request.getRemoteAddr());
    }
}
