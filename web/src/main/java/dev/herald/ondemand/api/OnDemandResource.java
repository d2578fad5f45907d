package dev.herald.ondemand.api;

import dev.herald.delivery.boundary.DownloadService;
import dev.herald.ondemand.boundary.LineFullException;
import dev.herald.ondemand.boundary.OnDemandItemView;
import dev.herald.ondemand.boundary.OnDemandRunView;
import dev.herald.ondemand.boundary.OnDemandService;
import dev.herald.platform.api.IdempotentOperations;
import dev.herald.platform.api.Problem;
import dev.herald.platform.boundary.ConflictException;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.runs.api.FileAnswers;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * On-demand reports for partners (Collect Reports). Running an item waits up to {@code wait}
 * seconds (default 30, at most 60) and answers the file; a run still going by then answers 202 with
 * the run and its address, to fetch the file from when it has ended. A caller whose line is full
 * (herald.ondemand.max-waiting runs waiting) gets 429 with {@code Retry-After}. Another person's
 * item or run is 404.
 */
@Tag(
        name = "On demand",
        description =
                "On-demand reports for partners (Collect Reports). Running an item waits up to `wait` seconds (default 30, at most 60) and answers the file; a run still going by then answers 202 with the run and its address. A caller whose line is full gets 429 with Retry-After. Another person's item or run is 404.")
@Path("on-demand")
@Produces(MediaType.APPLICATION_JSON)
public class OnDemandResource {

    private static final int DEFAULT_WAIT_SECONDS = 30;
    private static final int MAX_WAIT_SECONDS = 60;

    @Inject
    OnDemandService onDemand;

    @Inject
    DownloadService downloads;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "The items the caller may run on demand, with their fixed criteria and format")
    public List<OnDemandItemView> list() {
        return onDemand.available();
    }

    @POST
    @Path("{itemId}/run")
    @Produces({MediaType.WILDCARD, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Run an item with its fixed criteria and format and answer the file;"
                    + " 202 with the run when it takes longer than the wait; 429 with Retry-After when the caller"
                    + " already has as many runs waiting as one person may")
    @APIResponse(
            responseCode = "200",
            description = "The file, when the run ended within the wait",
            content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(
            responseCode = "202",
            description = "The run, still going when the wait ended; Location is its address",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = OnDemandRunView.class)))
    @APIResponse(
            responseCode = "429",
            description = "The caller's line of waiting runs is full; Retry-After says when to ask again",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response run(
            // Answered by IdempotencyFilter (and listed in the OpenAPI document by it); here it only adds
            // Content-Location.
            @HeaderParam(IdempotentOperations.HEADER) String idempotencyKey,
            @PathParam("itemId") long itemId,
            @QueryParam("wait") @DefaultValue("" + DEFAULT_WAIT_SECONDS) int wait) {
        if (wait < 0 || wait > MAX_WAIT_SECONDS) {
            throw ValidationException.of("wait", "Wait 0 to " + MAX_WAIT_SECONDS + " seconds for the file.");
        }
        long runId;
        try {
            runId = onDemand.start(itemId, request.getRemoteAddr())
                    .orElseThrow(() -> new NotFoundException("on-demand item", itemId));
        } catch (LineFullException full) {
            // 429 with when to ask again: the line frees up as the caller's own runs end.
            Problem problem = Problem.of(Response.Status.TOO_MANY_REQUESTS, full.getMessage());
            return Response.status(problem.status())
                    .type(Problem.PROBLEM_JSON)
                    .entity(problem)
                    .header("Retry-After", full.retryAfter().toSeconds())
                    .build();
        }
        Duration patience = Duration.ofSeconds(wait);
        OnDemandRunView run = onDemand.awaitEnd(runId, patience).orElseThrow(() -> new NotFoundException("run", runId));
        if (!run.isEnded()) {
            return Response.accepted(run)
                    .location(runAddress(run))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
        if (idempotencyKey == null) {
            return fileOf(run);
        }
        // Where the same file is served again: a replay of this request with its key gets it from there.
        return Response.fromResponse(fileOf(run))
                .contentLocation(uri.getBaseUriBuilder()
                        .path("on-demand/runs/{runId}/file")
                        .build(run.runId()))
                .build();
    }

    @GET
    @Path("runs")
    @Operation(summary = "The caller's latest on-demand runs, newest first")
    public List<OnDemandRunView> runs() {
        return onDemand.mine();
    }

    @GET
    @Path("runs/{runId}")
    @Operation(summary = "One of the caller's on-demand runs: its status, place in line and file")
    public OnDemandRunView get(@PathParam("runId") long runId) {
        return onDemand.find(runId, request.getRemoteAddr()).orElseThrow(() -> new NotFoundException("run", runId));
    }

    @GET
    @Path("runs/{runId}/file")
    @Produces({MediaType.WILDCARD, MediaType.APPLICATION_JSON})
    @Operation(summary = "The file of one of the caller's on-demand runs")
    @APIResponse(
            responseCode = "200",
            description = "The file, in its own format (Content-Type and Content-Disposition say which)",
            content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response file(@PathParam("runId") long runId) {
        return fileOf(get(runId));
    }

    @POST
    @Path("runs/{runId}/cancel")
    @Operation(summary = "Cancel one of the caller's waiting or running on-demand runs")
    public OnDemandRunView cancel(@PathParam("runId") long runId) {
        return onDemand.cancel(runId, request.getRemoteAddr())
                .orElseThrow(() -> new NotFoundException("run in progress", runId));
    }

    private Response fileOf(OnDemandRunView run) {
        if (!run.isEnded()) {
            throw new ConflictException("Run " + run.runId() + " is " + run.status() + "; its file is not made yet.");
        }
        return onDemand.openFile(run.runId(), request.getRemoteAddr())
                .map(file -> FileAnswers.of(file, downloads)
                        .header("X-Herald-Run", run.runId())
                        .build())
                .orElseThrow(() -> new ConflictException("Run " + run.runId() + " ended " + run.status()
                        + (run.detail() == null ? "" : ": " + run.detail())
                        + (run.file() == null && "SUCCEEDED".equals(run.status())
                                ? " Its file is no longer kept."
                                : "")));
    }

    private URI runAddress(OnDemandRunView run) {
        return uri.getBaseUriBuilder().path("on-demand/runs/{runId}").build(run.runId());
    }
}
