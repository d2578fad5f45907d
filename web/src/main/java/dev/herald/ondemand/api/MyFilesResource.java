package dev.herald.ondemand.api;

import dev.herald.delivery.boundary.DownloadService;
import dev.herald.delivery.boundary.LinkAccess;
import dev.herald.ondemand.boundary.MyFileView;
import dev.herald.ondemand.boundary.OnDemandService;
import dev.herald.platform.api.Problem;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.runs.api.FileAnswers;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Files sent to the caller by link whose link still works; another person's is 404. A link of the
 * caller's that staff withdrew, or that expired, is 410 and says which.
 */
@Tag(
        name = "My files",
        description =
                "Files sent to the caller by link whose link still works; another person's is 404. A link of the caller's that staff withdrew, or that expired, is 410 and says which.")
@Path("my-files")
@Produces(MediaType.APPLICATION_JSON)
public class MyFilesResource {

    @Inject
    OnDemandService onDemand;

    @Inject
    DownloadService downloads;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "Files sent to the caller by link that have neither expired nor been withdrawn, newest first")
    public List<MyFileView> list() {
        return onDemand.myFiles();
    }

    @GET
    @Path("{deliveryId}/file")
    @Produces({MediaType.WILDCARD, MediaType.APPLICATION_JSON})
    @Operation(summary = "Download a file sent to the caller by link; 410 once the link is withdrawn or expired")
    @APIResponse(
            responseCode = "200",
            description = "The file, in its own format (Content-Type and Content-Disposition say which)",
            content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(
            responseCode = "410",
            description = "The link was withdrawn by staff or has expired; the problem says which and when",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response file(@PathParam("deliveryId") long deliveryId) {
        LinkAccess access = onDemand.openMyFile(deliveryId, request.getRemoteAddr());
        if (access instanceof LinkAccess.Granted granted) {
            return FileAnswers.of(granted.file(), downloads).build();
        }
        if (access instanceof LinkAccess.Withdrawn withdrawn) {
            return Problem.of(Response.Status.GONE, "This link was withdrawn" + on(withdrawn.withdrawnAt()) + ".")
                    .toResponse();
        }
        if (access instanceof LinkAccess.Expired expired) {
            return Problem.of(Response.Status.GONE, "This link expired" + on(expired.expiredAt()) + ".")
                    .toResponse();
        }
        throw new NotFoundException("file sent by link", deliveryId);
    }

    private static String on(Instant at) {
        return at == null ? "" : " at " + at;
    }
}
