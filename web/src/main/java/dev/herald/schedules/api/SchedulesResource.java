package dev.herald.schedules.api;

import dev.herald.platform.api.EntityTags;
import dev.herald.platform.api.Tagged;
import dev.herald.platform.boundary.Page;
import dev.herald.platform.boundary.SortOrder;
import dev.herald.runs.api.RunsResource;
import dev.herald.runs.boundary.RunService;
import dev.herald.runs.boundary.RunView;
import dev.herald.runs.boundary.TestSendInput;
import dev.herald.schedules.boundary.ScheduleInput;
import dev.herald.schedules.boundary.ScheduleService;
import dev.herald.schedules.boundary.ScheduleSort;
import dev.herald.schedules.boundary.ScheduleView;
import dev.herald.schedules.boundary.ScheduledReportInput;
import dev.herald.schedules.boundary.WhoGetsWhatView;
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
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Report schedules. Reading needs View Schedules or Manage Schedules; changing needs Manage Schedules. */
@Tag(
        name = "Schedules",
        description =
                "Report schedules. Reading needs View Schedules or Manage Schedules; changing needs Manage Schedules.")
@Path("schedules")
@Produces(MediaType.APPLICATION_JSON)
public class SchedulesResource {

    /** The next runs of a schedule. */
    public record Occurrences(List<Instant> occurrences) {}

    @Inject
    ScheduleService schedules;

    @Inject
    RunService runs;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(
            summary = "Schedules by name (or as sort says) whose name, or the name of a report they hold, contains q")
    public Page<ScheduleView> search(
            @QueryParam("q") String q,
            @QueryParam("sort")
                    @Parameter(
                            description = "The order: a field, or -field for the reverse (default name)",
                            schema =
                                    @Schema(
                                            enumeration = {
                                                "name",
                                                "-name",
                                                "enabled",
                                                "-enabled",
                                                "nextRunAt",
                                                "-nextRunAt",
                                                "updatedAt",
                                                "-updatedAt"
                                            }))
                    String sort,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        Optional<SortOrder<ScheduleSort>> order = SortOrder.parse(sort, ScheduleSort.FIELDS);
        return order.isEmpty()
                ? schedules.search(q, page, size)
                : schedules.search(q, order.get().key(), order.get().descending(), page, size);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a schedule; 400 names every invalid field")
    @APIResponse(
            responseCode = "201",
            description = "The schedule made; Location is its address",
            content = @Content(schema = @Schema(implementation = ScheduleView.class)))
    public Response create(ScheduleInput input, @Context UriInfo uri) {
        ScheduleView created = schedules.create(input, request.getRemoteAddr());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(created.id()))
                        .build())
                .entity(created)
                .build();
    }

    @Tagged
    @GET
    @Path("{id}")
    @Operation(
            summary =
                    "One schedule, with its items, timetable, next run and RFC 5545 rule; ETag is its version (\"7\")")
    public ScheduleView get(@PathParam("id") long id) {
        return schedules.get(id);
    }

    @Tagged
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Replace a schedule; items keep their id when it is sent back. If-Match (the ETag of GET, or *)"
                            + " is required: 428 without it, 412 with the current version when it is stale; answers the new ETag")
    public ScheduleView update(
            @PathParam("id") long id,
            @HeaderParam(EntityTags.IF_MATCH) @Parameter(required = true) String ifMatch,
            ScheduleInput input) {
        return schedules.update(id, input, EntityTags.ifMatch(ifMatch), request.getRemoteAddr());
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Delete a schedule; its runs stay in the history. If-Match is required (428 without it, 412 when"
                    + " stale)")
    @APIResponse(responseCode = "204", description = "The schedule is deleted")
    public Response delete(
            @PathParam("id") long id, @HeaderParam(EntityTags.IF_MATCH) @Parameter(required = true) String ifMatch) {
        schedules.delete(id, EntityTags.ifMatch(ifMatch), request.getRemoteAddr());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/enable")
    @Operation(summary = "Enable a schedule; its next run is the next one from now")
    public ScheduleView enable(@PathParam("id") long id) {
        return schedules.enable(id, request.getRemoteAddr());
    }

    @POST
    @Path("{id}/disable")
    @Operation(summary = "Disable a schedule; it makes no runs until enabled")
    public ScheduleView disable(@PathParam("id") long id) {
        return schedules.disable(id, request.getRemoteAddr());
    }

    @POST
    @Path("{id}/run")
    @Operation(summary = "Run the schedule now; 202 with the run")
    @APIResponse(
            responseCode = "202",
            description = "The run, started",
            content = @Content(schema = @Schema(implementation = RunView.class)))
    public Response runNow(@PathParam("id") long id) {
        RunView run = runs.runNow(id);
        return Response.accepted(run).build();
    }

    @POST
    @Path("who-gets-what")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "For one item made per recipient (saved or not): each recipient, the scope values their file is"
                    + " made with, and its rows now (counted for the first 25)")
    public WhoGetsWhatView whoGetsWhat(ScheduledReportInput item) {
        return schedules.whoGetsWhat(item);
    }

    @POST
    @Path("{id}/test")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run the schedule now for the given addresses only (never its recipients); 202 with the run")
    @APIResponse(
            responseCode = "202",
            description = "The test run, started",
            content = @Content(schema = @Schema(implementation = RunView.class)))
    public Response test(@PathParam("id") long id, TestSendInput body) {
        return Response.accepted(runs.test(id, body)).build();
    }

    @GET
    @Path("{id}/next-runs")
    @Operation(summary = "The schedule's next runs, in UTC")
    public Occurrences nextRuns(@PathParam("id") long id, @QueryParam("count") Integer count) {
        return new Occurrences(schedules.nextRuns(id, count));
    }

    @GET
    @Path("{id}/runs")
    @Operation(summary = "The schedule's runs, newest first unless sort says otherwise")
    public Page<RunView> runs(
            @PathParam("id") long id,
            @QueryParam("status") String status,
            @QueryParam("sort")
                    @Parameter(
                            description =
                                    "The order: a field, or -field for the reverse (default -createdAt: newest first)",
                            schema =
                                    @Schema(
                                            enumeration = {
                                                "createdAt",
                                                "-createdAt",
                                                "scheduleName",
                                                "-scheduleName",
                                                "scheduledFor",
                                                "-scheduledFor",
                                                "finishedAt",
                                                "-finishedAt",
                                                "status",
                                                "-status"
                                            }))
                    String sort,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        schedules.get(id);
        return runs.list(RunsResource.query(id, status, sort), page, size);
    }

    @GET
    @Path("{id}/calendar.ics")
    @Produces("text/calendar")
    @Operation(summary = "The schedule's timetable as an iCalendar file")
    @APIResponse(
            responseCode = "200",
            description = "The timetable as an iCalendar file",
            content =
                    @Content(
                            mediaType = "text/calendar",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response calendar(@PathParam("id") long id) {
        String ics = schedules.calendar(id, request.getServerName());
        return Response.ok(ics, "text/calendar; charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"schedule-" + id + ".ics\"")
                .build();
    }
}
