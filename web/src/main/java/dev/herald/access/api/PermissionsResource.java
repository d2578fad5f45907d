package dev.herald.access.api;

import dev.herald.access.boundary.PermissionView;
import dev.herald.access.boundary.RoleService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The permissions roles are made of. */
@Tag(name = "Permissions", description = "The permissions roles are made of.")
@Path("permissions")
@Produces(MediaType.APPLICATION_JSON)
public class PermissionsResource {

    @Inject
    RoleService roles;

    @GET
    @Operation(summary = "Every permission: its name (as used in roles), label and what it allows")
    public List<PermissionView> list() {
        return roles.permissions();
    }
}
