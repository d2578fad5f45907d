package dev.herald.platform.api;

import dev.herald.platform.boundary.Health;
import dev.herald.platform.boundary.HealthService;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

/** Whether this instance is up: 200 when it is (also when a part is switched off: DEGRADED, with why), 503 when it cannot work. No credentials needed. */
@Path("health")
@PermitAll
public class HealthResource {

    @Inject
    HealthService healthService;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Health of this instance, with a database check")
    @SecurityRequirementsSet
    public Response health() {
        Health health = healthService.check();
        return Response.status(
                        health.status() == Health.Status.DOWN
                                ? Response.Status.SERVICE_UNAVAILABLE
                                : Response.Status.OK)
                .entity(health)
                .build();
    }
}
