package dev.herald.ondemand.api;

import dev.herald.delivery.boundary.DownloadService;
import dev.herald.ondemand.boundary.MyFileView;
import dev.herald.ondemand.boundary.OnDemandService;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Files sent to the caller by link whose link still works; another person's is 404. */
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
    @Operation(summary = "Files sent to the caller by link that have not expired, newest first")
    public List<MyFileView> list() {
        return onDemand.myFiles();
    }

    @GET
    @Path("{deliveryId}/file")
    @Produces({MediaType.WILDCARD, MediaType.APPLICATION_JSON})
    @Operation(summary = "Download a file sent to the caller by link")
    public Response file(@PathParam("deliveryId") long deliveryId) {
        return onDemand.openMyFile(deliveryId, request.getRemoteAddr())
                .map(file -> FileAnswers.of(file, downloads).build())
                .orElseThrow(() -> new NotFoundException("file sent by link", deliveryId));
    }
}
