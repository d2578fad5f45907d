package dev.herald.usage.api;

import dev.herald.delivery.boundary.DownloadService;
import dev.herald.delivery.boundary.RunFile;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.Page;
import dev.herald.runs.api.FileAnswers;
import dev.herald.usage.boundary.UsageReportInput;
import dev.herald.usage.boundary.UsageReportService;
import dev.herald.usage.boundary.UsageReportView;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Usage reports generated now (Export Reports; scheduling one also needs Scheduled Task Management). */
@Tag(
        name = "Usage reports",
        description =
                "Usage reports generated now (Export Reports; scheduling one also needs Scheduled Task Management).")
@Path("usage-reports")
@Produces(MediaType.APPLICATION_JSON)
public class UsageReportsResource {

    @Inject
    UsageReportService usage;

    @Inject
    DownloadService downloads;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Generate a usage report in the background (one tenant, all, or a filter); 202 with the report")
    @APIResponse(
            responseCode = "202",
            description = "The usage report, being made",
            content = @Content(schema = @Schema(implementation = UsageReportView.class)))
    public Response generate(UsageReportInput input) {
        return Response.accepted(usage.generate(input, request.getRemoteAddr())).build();
    }

    @GET
    @Operation(summary = "The generated usage reports, newest first, with status and progress")
    public Page<UsageReportView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return usage.list(page, size);
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    @Operation(summary = "The list of generated usage reports as CSV (delimiter COMMA or PIPE)")
    @APIResponse(
            responseCode = "200",
            description = "Every usage report as CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response export(@QueryParam("delimiter") String delimiter) {
        char separator = "PIPE".equalsIgnoreCase(delimiter) ? '|' : ',';
        return Response.ok(usage.listAsCsv(separator), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"usage-reports.csv\"")
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One usage report")
    public UsageReportView get(@PathParam("id") long id) {
        return usage.get(id);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Stop a report still being made; no part of its file is kept. 409 when it has ended")
    public UsageReportView cancel(@PathParam("id") long id) {
        return usage.cancel(id, request.getRemoteAddr());
    }

    @GET
    @Path("{id}/file")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    @Operation(summary = "The CSV of a complete usage report")
    @APIResponse(
            responseCode = "200",
            description = "The usage report's CSV file",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response file(@PathParam("id") long id) {
        UsageReportView report = usage.get(id);
        if (report.file() == null || report.runId() == null || report.itemId() == null) {
            throw new NotFoundException("file of usage report", id);
        }
        RunFile file = downloads.openRunFile(report.runId(), report.itemId(), request.getRemoteAddr());
        return FileAnswers.of(file, downloads).build();
    }
}
