package dev.herald.runs.api;

import dev.herald.delivery.boundary.DownloadService;
import dev.herald.delivery.boundary.RunFile;
import dev.herald.platform.boundary.Page;
import dev.herald.platform.boundary.SortOrder;
import dev.herald.runs.boundary.DeliveryView;
import dev.herald.runs.boundary.RunQuery;
import dev.herald.runs.boundary.RunService;
import dev.herald.runs.boundary.RunView;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Runs of every schedule, newest first, with their reports, files and e-mails. */
@Tag(name = "Runs", description = "Runs of every schedule, newest first, with their reports, files and e-mails.")
@Path("runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {

    @Inject
    RunService runs;

    @Inject
    DownloadService downloads;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "Runs, newest first unless sort says otherwise, filtered by schedule and status")
    public Page<RunView> list(
            @QueryParam("scheduleId") Long scheduleId,
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
        return runs.list(RunsResource.query(scheduleId, status, sort), page, size);
    }

    /** The runs asked for, in the order asked for (newest first when none is). */
    public static RunQuery query(Long scheduleId, String status, String sort) {
        return SortOrder.parse(sort, RunQuery.Sort.FIELDS)
                .map(order -> new RunQuery(scheduleId, status, null, order.key(), order.descending()))
                .orElseGet(() -> new RunQuery(scheduleId, status, null, null, true));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One run: trigger, times, status, and per report the file and the e-mail to each recipient")
    public RunView get(@PathParam("id") long id) {
        return runs.find(id);
    }

    @GET
    @Path("{id}/items/{itemId}/file")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download the file a run rendered for one of its reports (Export Reports or Manage Schedules)")
    @APIResponse(
            responseCode = "200",
            description = "The file, in its own format (Content-Type and Content-Disposition say which)",
            content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response file(@PathParam("id") long id, @PathParam("itemId") long itemId) {
        RunFile file = downloads.openRunFile(id, itemId, request.getRemoteAddr());
        return FileAnswers.of(file, downloads).build();
    }

    @POST
    @Path("{id}/resend-failed")
    @Operation(summary = "Send again only what failed in an ended run; 202 with the run")
    @APIResponse(
            responseCode = "202",
            description = "The run, whose failed e-mails are being sent again",
            content = @Content(schema = @Schema(implementation = RunView.class)))
    public Response resendFailed(@PathParam("id") long id) {
        return Response.accepted(runs.resendFailed(id)).build();
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a run in progress; what was sent stays sent")
    public RunView cancel(@PathParam("id") long id) {
        return runs.cancel(id);
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/withdraw-link")
    @Operation(
            summary = "Withdraw the link one e-mail of the run carried: it opens nothing from then on, wherever the"
                    + " file is offered to its recipient")
    public DeliveryView withdrawLink(@PathParam("id") long id, @PathParam("deliveryId") long deliveryId) {
        return runs.withdrawLink(id, deliveryId, request.getRemoteAddr());
    }
}
