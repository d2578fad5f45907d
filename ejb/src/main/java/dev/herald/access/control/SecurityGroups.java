package dev.herald.access.control;

import dev.herald.access.entity.Permission;
import dev.herald.access.entity.SecurityRoles;
import java.util.Set;
import java.util.TreeSet;

/** Turns a user's permissions into the groups the container maps to security roles. */
public final class SecurityGroups {

    private SecurityGroups() {}

    public static Set<String> of(Set<Permission> permissions) {
        return of(permissions, false);
    }

    public static Set<String> of(Set<Permission> permissions, boolean superAdministrator) {
        Set<String> groups = new TreeSet<>();
        if (superAdministrator) {
            groups.add(SecurityRoles.SUPER_ADMINISTRATOR);
        }
        permissions.forEach(permission -> groups.add(permission.securityRole()));
        if (permissions.stream().anyMatch(Permission::isStaff)) {
            groups.add(SecurityRoles.STAFF);
        }
        return Set.copyOf(groups);
    }
}
