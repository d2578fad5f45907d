package dev.herald.access.control;

import dev.herald.access.entity.Permission;
import dev.herald.access.entity.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who may hand out what. A holder of a role with "manage all roles" may assign every role; otherwise
 * the roles listed on the roles they hold. From that follow the rules that keep delegation from
 * becoming escalation:
 *
 * <ul>
 *   <li>a user is managed (edited, given a password, enabled, disabled, unlocked) only by someone who
 *       may assign every role that user holds, so an Administrator cannot take over a Super
 *       Administrator's account by setting its password;
 *   <li>a role is made or changed only with permissions the maker holds, only with "manage all roles"
 *       when the maker's own roles manage all, and only listing roles the maker may assign.
 * </ul>
 *
 * Roles are compared by name, which is unique, so that instances from different persistence
 * contexts compare equal.
 */
public final class RoleDelegation {

    private final Set<Role> held;

    public RoleDelegation(Collection<Role> held) {
        this.held = Set.copyOf(held);
    }

    public boolean managesAllRoles() {
        return held.stream().anyMatch(Role::isManageAllRoles);
    }

    /** The names of the roles these holders may assign. */
    public Set<String> assignableNames(Collection<Role> allRoles) {
        if (managesAllRoles()) {
            return allRoles.stream().map(Role::getName).collect(Collectors.toCollection(TreeSet::new));
        }
        return held.stream()
                .flatMap(role -> role.getAssignableRoles().stream())
                .map(Role::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public boolean mayAssign(Role role) {
        return managesAllRoles()
                || held.stream().flatMap(h -> h.getAssignableRoles().stream()).anyMatch(r -> r.getName()
                        .equals(role.getName()));
    }

    /** True when every role of the other user may be assigned by these holders. */
    public boolean mayManageHolderOf(Collection<Role> theirRoles) {
        return theirRoles.stream().allMatch(this::mayAssign);
    }

    /** The permissions these holders may put into a role. */
    public Set<Permission> grantablePermissions() {
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        held.forEach(role -> granted.addAll(role.getPermissions()));
        return granted;
    }
}
