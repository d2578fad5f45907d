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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

/**
 * Whether this instance is up: 200 when it is (also when a part is switched off: DEGRADED), 503 when
 * it cannot work. No credentials needed for the status of each check; why a check is not UP (an
 * error message, a mail server's host name) and its figures are for staff who sign in, since they
 * tell an outsider about the network behind Herald.
 */
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
