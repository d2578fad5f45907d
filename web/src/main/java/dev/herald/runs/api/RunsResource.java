package dev.herald.runs.api;

import dev.herald.platform.boundary.Page;
import dev.herald.runs.boundary.RunService;
import dev.herald.runs.boundary.RunView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Runs of every schedule, newest first. */
@Path("runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {

    @Inject
    RunService runs;

    @GET
    @Operation(summary = "Runs, filtered by schedule and status")
    public Page<RunView> list(
            @QueryParam("scheduleId") Long scheduleId,
            @QueryParam("status") String status,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return runs.list(scheduleId, status, page, size);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One run: trigger, scheduled-for, start, end, status, instance")
    public RunView get(@PathParam("id") long id) {
        return runs.find(id);
    }
}
