package dev.herald.reports.api;

import dev.herald.delivery.boundary.RunFile;
import dev.herald.platform.boundary.Page;
import dev.herald.rendering.control.Criterion;
import dev.herald.reports.boundary.CriteriaSetInput;
import dev.herald.reports.boundary.CriteriaSetService;
import dev.herald.reports.boundary.CriteriaSetView;
import dev.herald.reports.boundary.PreviewView;
import dev.herald.reports.boundary.RenderJob;
import dev.herald.reports.boundary.RenderRequest;
import dev.herald.reports.boundary.ReportCatalog;
import dev.herald.reports.boundary.ReportDetail;
import dev.herald.reports.boundary.ReportSummary;
import dev.herald.reports.boundary.SqlReportInput;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The report catalog. Reading needs any staff role; rendering needs Export Reports. */
@Tag(
        name = "Reports",
        description =
                "The report catalog. Reading needs any staff role; rendering needs Export Reports; SQL reports are made and changed with Manage Reports.")
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {

    @Inject
    ReportCatalog reports;

    @Inject
    CriteriaSetService criteriaSets;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "Reports whose name, description, category or key contains q")
    public Page<ReportSummary> search(
            @QueryParam("q") String q, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return reports.search(q, page, size);
    }

    @GET
    @Path("{key}")
    @Operation(summary = "One report with its parameters (and their options) and columns")
    public ReportDetail get(@PathParam("key") String key) {
        return reports.get(key);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Add a SQL report (Super Administrator): one SELECT, declared parameters, tried before it is saved")
    @APIResponse(
            responseCode = "201",
            description = "The SQL report made",
            content = @Content(schema = @Schema(implementation = ReportDetail.class)))
    public Response create(SqlReportInput input, @Context UriInfo uri) {
        ReportDetail created = reports.createSqlReport(input, request.getRemoteAddr());
        return Response.created(uri.getAbsolutePathBuilder().path(created.key()).build())
                .entity(created)
                .build();
    }

    @PUT
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a SQL report (Super Administrator); built-in reports cannot change")
    public ReportDetail update(@PathParam("key") String key, SqlReportInput input) {
        return reports.updateSqlReport(key, input, request.getRemoteAddr());
    }

    @DELETE
    @Path("{key}")
    @Operation(summary = "Delete a SQL report that no schedule holds (Super Administrator)")
    @APIResponse(responseCode = "204", description = "The SQL report is deleted")
    public Response delete(@PathParam("key") String key) {
        reports.deleteSqlReport(key, request.getRemoteAddr());
        return Response.noContent().build();
    }

    @POST
    @Path("{key}/render")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({
        "text/csv",
        "application/pdf",
        "application/xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        MediaType.APPLICATION_JSON
    })
    @Operation(
            summary = "Render a report and stream the file (Export Reports)",
            description = "The criteria used, with relative dates resolved, are in the Herald-Criteria header.")
    @APIResponse(
            responseCode = "200",
            description = "The rendered file in the format asked for; the criteria used are in Herald-Criteria",
            content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response render(@PathParam("key") String key, RenderRequest body) {
        RenderJob job = reports.prepare(key, body);
        String remoteAddress = request.getRemoteAddr();
        StreamingOutput file = out -> reports.render(job, out, remoteAddress);
        return Response.ok(file, job.mediaType())
                .header("Content-Disposition", RunFile.contentDisposition(job.fileName()))
                .header("Herald-Criteria", criteriaHeader(job.criteria()))
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** The criteria in an HTTP header: ASCII only, so each value is percent-encoded. */
    private static String criteriaHeader(List<Criterion> criteria) {
        return criteria.stream()
                .map(c -> c.name() + "="
                        + URLEncoder.encode(c.value(), StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("; "));
    }

    @POST
    @Path("{key}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The first rows (default 50, at most 500) with the criteria used")
    public PreviewView preview(@PathParam("key") String key, @QueryParam("rows") Integer rows, RenderRequest body) {
        return reports.preview(key, body, rows);
    }

    @GET
    @Path("{key}/criteria-sets")
    @Operation(summary = "The report's saved criteria sets")
    public List<CriteriaSetView> criteriaSets(@PathParam("key") String key) {
        return criteriaSets.list(key);
    }

    @POST
    @Path("{key}/criteria-sets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a criteria set for the report (Manage Reports); 400 names every bad criterion")
    @APIResponse(
            responseCode = "201",
            description = "The criteria set made; Location is its address under /criteria-sets",
            content = @Content(schema = @Schema(implementation = CriteriaSetView.class)))
    public Response createCriteriaSet(@PathParam("key") String key, CriteriaSetInput input, @Context UriInfo uri) {
        CriteriaSetView created = criteriaSets.create(key, input, request.getRemoteAddr());
        return Response.created(uri.getBaseUriBuilder()
                        .path("criteria-sets")
                        .path(String.valueOf(created.id()))
                        .build())
                .entity(created)
                .build();
    }
}
