package dev.herald.access.api;

import dev.herald.access.entity.SecurityRoles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Who the credentials in this request belong to. */
@Path("me")
public class MeResource {

    @Context
    SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's user name and security roles")
    public MeDto me() {
        Set<String> roles = new TreeSet<>();
        SecurityRoles.ALL.stream().filter(security::isUserInRole).forEach(roles::add);
        return new MeDto(security.getUserPrincipal().getName(), roles);
    }
}
