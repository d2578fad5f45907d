package dev.herald.summaries.api;

import dev.herald.platform.api.EntityTags;
import dev.herald.platform.api.Tagged;
import dev.herald.platform.boundary.Page;
import dev.herald.runs.boundary.RunView;
import dev.herald.runs.boundary.TestSendInput;
import dev.herald.summaries.boundary.SentSummaryView;
import dev.herald.summaries.boundary.SummaryReportService;
import dev.herald.summaries.boundary.SummarySettingsView;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
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

/** The weekly summary reports: Configure Summary Reports for everything here. */
@Tag(
        name = "Summary reports",
        description = "The weekly summary reports: Configure Summary Reports for everything here.")
@Path("summary-reports")
@Produces(MediaType.APPLICATION_JSON)
public class SummaryReportsResource {

    @Inject
    SummaryReportService summaries;

    @Context
    HttpServletRequest request;

    @Tagged
    @GET
    @Path("settings")
    @Operation(summary = "Enabled, title, recipients per audience, period, send day, time and zone, next sends")
    public SummarySettingsView settings() {
        return summaries.settings();
    }

    @Tagged
    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change the settings; 400 names every invalid field. If-Match (the ETag of GET) is honoured when"
                    + " sent: 412 with the current version when stale")
    public SummarySettingsView update(@HeaderParam(EntityTags.IF_MATCH) String ifMatch, SummarySettingsView input) {
        return summaries.update(input, EntityTags.ifMatch(ifMatch), request.getRemoteAddr());
    }

    @POST
    @Path("test")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Make both summaries now and send them only to the given addresses (or to the caller); 202 with the run")
    @APIResponse(
            responseCode = "202",
            description = "The test run, started",
            content = @Content(schema = @Schema(implementation = RunView.class)))
    public Response test(TestSendInput input) {
        return Response.accepted(summaries.test(input == null ? null : input.to()))
                .build();
    }

    @GET
    @Operation(summary = "The summaries made so far, newest first, with each recipient's link")
    public Page<SentSummaryView> sent(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return summaries.sent(page, size);
    }

    @POST
    @Path("{id}/revoke")
    @Operation(summary = "Withdraw every link of one summary")
    public SentSummaryView revoke(@PathParam("id") long id) {
        return summaries.revoke(id, request.getRemoteAddr());
    }

    @POST
    @Path("{id}/links/{linkId}/revoke")
    @Operation(summary = "Withdraw one recipient's link")
    public SentSummaryView revokeLink(@PathParam("id") long id, @PathParam("linkId") long linkId) {
        return summaries.revokeLink(id, linkId, request.getRemoteAddr());
    }
}
