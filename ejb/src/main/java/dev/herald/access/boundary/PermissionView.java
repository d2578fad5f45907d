package dev.herald.access.boundary;

import dev.herald.access.entity.Permission;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A permission as the API lists it: its fixed name, its label and what it allows. */
public record PermissionView(
        @Schema(implementation = Permission.class) String name, String label, String description) {

    static PermissionView of(Permission permission) {
        return new PermissionView(permission.name(), permission.label(), permission.description());
    }
}
