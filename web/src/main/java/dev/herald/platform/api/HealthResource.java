package dev.herald.platform.api;

import dev.herald.access.entity.SecurityRoles;
import dev.herald.platform.boundary.Health;
import dev.herald.platform.boundary.HealthService;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Whether this instance is up: 200 when it is (also when a part is switched off: DEGRADED), 503 when
 * it cannot work. No credentials needed for the status of each check; why a check is not UP (an
 * error message, a mail server's host name) and its figures are for staff who sign in, since they
 * tell an outsider about the network behind Herald.
 */
@Tag(
        name = "Health",
        description =
                "Whether this instance is up: 200 when it is (also DEGRADED), 503 when it cannot work. No credentials are needed for the status of each check; the reasons and figures are for staff who sign in.")
@Path("health")
@PermitAll
public class HealthResource {

    @Inject
    HealthService healthService;

    @Context
    SecurityContext caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Health of this instance, with a database check")
    @SecurityRequirementsSet
    @APIResponse(
            responseCode = "200",
            description = "Up, or DEGRADED when a part is switched off",
            content = @Content(schema = @Schema(implementation = Health.class)))
    @APIResponse(
            responseCode = "503",
            description = "Down: this instance cannot work",
            content = @Content(schema = @Schema(implementation = Health.class)))
    public Response health() {
        Health full = healthService.check();
        Health health = caller.isUserInRole(SecurityRoles.STAFF) ? full : statusesOnly(full);
        return Response.status(
                        health.status() == Health.Status.DOWN
                                ? Response.Status.SERVICE_UNAVAILABLE
                                : Response.Status.OK)
                .entity(health)
                .build();
    }

    private static Health statusesOnly(Health health) {
        return new Health(
                health.status(),
                health.checks().stream()
                        .map(check -> new Health.Check(check.name(), check.status(), null, null))
                        .toList());
    }
}
