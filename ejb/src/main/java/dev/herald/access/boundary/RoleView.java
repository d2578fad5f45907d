package dev.herald.access.boundary;

import dev.herald.access.entity.Permission;
import dev.herald.access.entity.Role;
import dev.herald.platform.boundary.Versioned;
import java.util.List;

/** A role with its permissions, what its holders may assign, and how many users hold it. */
public record RoleView(
        long id,
        String name,
        String description,
        boolean builtIn,
        List<String> permissions,
        boolean manageAllRoles,
        List<String> assignableRoles,
        long holders,
        long version)
        implements Versioned {

    static RoleView of(Role role, long holders) {
        return new RoleView(
                role.getId(),
                role.getName(),
                role.getDescription(),
                role.isBuiltIn(),
                role.getPermissions().stream().sorted().map(Permission::name).toList(),
                role.isManageAllRoles(),
                role.getAssignableRoles().stream().map(Role::getName).sorted().toList(),
                holders,
                role.getVersion());
    }
}
