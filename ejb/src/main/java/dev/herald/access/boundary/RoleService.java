package dev.herald.access.boundary;

import dev.herald.access.control.RoleDelegation;
import dev.herald.access.control.UserAccounts;
import dev.herald.access.entity.Permission;
import dev.herald.access.entity.Role;
import dev.herald.access.entity.SecurityRoles;
import dev.herald.access.entity.UserAccount;
import dev.herald.audit.boundary.AuditLog;
import dev.herald.audit.boundary.AuditRecord;
import dev.herald.platform.boundary.ConflictException;
import dev.herald.platform.boundary.ExpectedVersion;
import dev.herald.platform.boundary.ForbiddenException;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.ValidationException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Roles and permissions. Only Manage Roles makes, changes or deletes roles, and only within what the
 * maker may hand out (see RoleDelegation). The built-in roles keep their names and permissions; of
 * Administrator and Collect Reports only the description and the roles their holders may assign can
 * change, and Super Administrator does not change at all. A role that someone holds is not deleted.
 */
@Stateless
@RolesAllowed({SecurityRoles.MANAGE_ROLES, SecurityRoles.MANAGE_USERS})
public class RoleService {

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    AuditLog auditLog;

    @Inject
    ApiSignIns apiSignIns;

    public List<RoleView> list() {
        return em.createNamedQuery(Role.ALL, Role.class)
                .getResultStream()
                .map(this::view)
                .toList();
    }

    public RoleView get(long id) {
        return view(find(id));
    }

    @RolesAllowed(SecurityRoles.STAFF)
    public List<PermissionView> permissions() {
        return Arrays.stream(Permission.values()).map(PermissionView::of).toList();
    }

    @RolesAllowed(SecurityRoles.MANAGE_ROLES)
    public RoleView create(RoleInput input, String remoteAddress) {
        if (input == null) {
            throw ValidationException.of("name", "Send the role to create.");
        }
        RoleDelegation delegation = callerDelegation();
        ValidationException.Builder problems = ValidationException.builder();
        String name = checkName(input.name(), null, problems);
        Set<Permission> permissions = checkPermissions(input.permissions(), delegation, problems);
        Set<Role> assignable = checkAssignable(input.assignableRoles(), delegation, problems);
        String description = checkDescription(input.description(), problems);
        problems.throwIfAny();
        boolean manageAll = Boolean.TRUE.equals(input.manageAllRoles());
        refuseManageAllUnlessHeld(manageAll, delegation);

        Role role = new Role(name, description);
        role.getPermissions().addAll(permissions);
        role.setManageAllRoles(manageAll);
        role.getAssignableRoles().addAll(assignable);
        em.persist(role);
        em.flush();
        auditLog.record(AuditRecord.of(callerName(), "role.create", remoteAddress)
                .about("role", role.getId())
                .withDetail(name)
                .change(null, snapshot(role)));
        return view(role);
    }

    @RolesAllowed(SecurityRoles.MANAGE_ROLES)
    public RoleView update(long id, RoleInput input, String remoteAddress) {
        return update(id, input, ExpectedVersion.missing(), remoteAddress);
    }

    /**
     * Changes a role; a version given (If-Match) is compared under the row's lock in this
     * transaction, and any change, also one only of its permissions, moves the version on.
     */
    @RolesAllowed(SecurityRoles.MANAGE_ROLES)
    public RoleView update(long id, RoleInput input, ExpectedVersion expected, String remoteAddress) {
        if (input == null) {
            throw ValidationException.of("name", "Send the role's new state.");
        }
        Role role = findChangeable(id);
        lockAndCheck(role, expected);
        RoleDelegation delegation = callerDelegation();
        ValidationException.Builder problems = ValidationException.builder();
        String name = checkName(input.name(), role, problems);
        Set<Permission> permissions = input.permissions() == null
                ? permissionsOf(role)
                : checkPermissions(input.permissions(), delegation, problems);
        Set<Role> assignable = input.assignableRoles() == null
                ? new HashSet<>(role.getAssignableRoles())
                : checkAssignable(input.assignableRoles(), delegation, problems);
        String description =
                input.description() == null ? role.getDescription() : checkDescription(input.description(), problems);
        problems.throwIfAny();
        boolean manageAll = input.manageAllRoles() == null ? role.isManageAllRoles() : input.manageAllRoles();
        if (manageAll != role.isManageAllRoles()) {
            refuseManageAllUnlessHeld(true, delegation);
        }
        if (role.isBuiltIn()
                && (!name.equals(role.getName())
                        || !permissions.equals(role.getPermissions())
                        || manageAll != role.isManageAllRoles())) {
            throw new ConflictException("The built-in role " + role.getName()
                    + " keeps its name and permissions; only its description and the roles its holders may assign"
                    + " can change. Make a custom role for anything else.");
        }
        Map<String, Object> before = snapshot(role);
        boolean permissionsChange = !permissions.equals(role.getPermissions());
        role.setName(name);
        role.setDescription(description);
        role.getPermissions().clear();
        role.getPermissions().addAll(permissions);
        role.setManageAllRoles(manageAll);
        role.getAssignableRoles().clear();
        role.getAssignableRoles().addAll(assignable);
        long versionBefore = role.getVersion();
        em.flush();
        if (role.getVersion() == versionBefore) {
            // Only its permissions or assignable roles changed (other tables): its version, the API's
            // ETag, moves on all the same, so that a client holding the old one is refused.
            em.createNativeQuery("UPDATE app_role SET version = version + 1 WHERE id = ?1")
                    .setParameter(1, id)
                    .executeUpdate();
            em.refresh(role);
        }
        if (permissionsChange) {
            // A session carries the permissions its holder had when signing in: the role's holders
            // sign in again to get the new ones (see UserAccount.endSessions).
            em.createNativeQuery("UPDATE app_user SET session_stamp = session_stamp + 1, version = version + 1"
                            + " WHERE id IN (SELECT user_id FROM user_role WHERE role_id = ?1)")
                    .setParameter(1, id)
                    .executeUpdate();
            apiSignIns.forgetAll();
        }
        auditLog.record(AuditRecord.of(callerName(), "role.update", remoteAddress)
                .about("role", id)
                .withDetail(name)
                .change(before, snapshot(role)));
        return view(role);
    }

    @RolesAllowed(SecurityRoles.MANAGE_ROLES)
    public void delete(long id, String remoteAddress) {
        delete(id, ExpectedVersion.missing(), remoteAddress);
    }

    @RolesAllowed(SecurityRoles.MANAGE_ROLES)
    public void delete(long id, ExpectedVersion expected, String remoteAddress) {
        Role role = findChangeable(id);
        lockAndCheck(role, expected);
        if (role.isBuiltIn()) {
            throw new ConflictException("The built-in role " + role.getName() + " cannot be deleted.");
        }
        long holders = holders(role);
        if (holders > 0) {
            throw new ConflictException(holders + (holders == 1 ? " user holds " : " users hold ") + role.getName()
                    + "; take the role from them first.");
        }
        Map<String, Object> before = snapshot(role);
        em.remove(role); // the rows that let other roles assign it go with it (ON DELETE CASCADE)
        auditLog.record(AuditRecord.of(callerName(), "role.delete", remoteAddress)
                .about("role", id)
                .withDetail(role.getName())
                .change(before, null));
    }

    private Role findChangeable(long id) {
        Role role = find(id);
        if (Role.SUPER_ADMINISTRATOR.equals(role.getName())) {
            throw new ConflictException("The built-in role Super Administrator cannot be changed.");
        }
        if (!callerDelegation().mayAssign(role)) {
            throw new ForbiddenException("You may not change " + role.getName() + ": you may not assign it.");
        }
        return role;
    }

    private String checkName(String value, Role current, ValidationException.Builder problems) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty()) {
            problems.add("name", "Enter a name for the role.");
        } else if (name.length() > 100) {
            problems.add("name", "A role name has at most 100 characters.");
        } else {
            Role other = em.createNamedQuery(Role.BY_NAME, Role.class)
                    .setParameter("name", name)
                    .getResultStream()
                    .findFirst()
                    .orElse(null);
            if (other != null && (current == null || !Objects.equals(other.getId(), current.getId()))) {
                problems.add("name", "There is already a role called " + name + ".");
            }
        }
        return name;
    }

    private static String checkDescription(String value, ValidationException.Builder problems) {
        String description = value == null || value.isBlank() ? null : value.strip();
        if (description != null && description.length() > 500) {
            problems.add("description", "A description has at most 500 characters.");
        }
        return description;
    }

    private static Set<Permission> checkPermissions(
            List<String> names, RoleDelegation delegation, ValidationException.Builder problems) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (names == null || names.isEmpty()) {
            problems.add("permissions", "Give the role at least one permission.");
            return permissions;
        }
        Set<Permission> grantable = delegation.grantablePermissions();
        for (String name : names) {
            Permission permission = Arrays.stream(Permission.values())
                    .filter(p -> p.name().equals(name))
                    .findFirst()
                    .orElse(null);
            if (permission == null) {
                problems.add("permissions", "There is no permission " + name + ".");
            } else if (!grantable.contains(permission)) {
                throw new ForbiddenException(
                        "You may not grant " + permission.label() + ": you do not hold it yourself.");
            } else {
                permissions.add(permission);
            }
        }
        return permissions;
    }

    private Set<Role> checkAssignable(
            List<String> names, RoleDelegation delegation, ValidationException.Builder problems) {
        Set<Role> roles = new HashSet<>();
        if (names == null) {
            return roles;
        }
        for (String name : names) {
            Role role = em.createNamedQuery(Role.BY_NAME, Role.class)
                    .setParameter("name", name == null ? "" : name.strip())
                    .getResultStream()
                    .findFirst()
                    .orElse(null);
            if (role == null) {
                problems.add("assignableRoles", "There is no role called " + name + ".");
            } else if (!delegation.mayAssign(role)) {
                throw new ForbiddenException(
                        "You may not let others assign " + role.getName() + ": you may not assign it yourself.");
            } else {
                roles.add(role);
            }
        }
        return roles;
    }

    private static void refuseManageAllUnlessHeld(boolean manageAll, RoleDelegation delegation) {
        if (manageAll && !delegation.managesAllRoles()) {
            throw new ForbiddenException("Only someone who may manage all roles can give a role that power.");
        }
    }

    private static Set<Permission> permissionsOf(Role role) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        permissions.addAll(role.getPermissions());
        return permissions;
    }

    private static Map<String, Object> snapshot(Role role) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", role.getName());
        state.put("description", role.getDescription());
        state.put(
                "permissions",
                role.getPermissions().stream().sorted().map(Permission::name).toList());
        state.put("manageAllRoles", role.isManageAllRoles());
        state.put(
                "assignableRoles",
                role.getAssignableRoles().stream().map(Role::getName).sorted().toList());
        return state;
    }

    /**
     * With a version given, reads the role again under its row lock and compares it.
     */
    private void lockAndCheck(Role role, ExpectedVersion expected) {
        if (!expected.isMissing()) {
            em.refresh(role, LockModeType.PESSIMISTIC_WRITE);
            expected.check("role", role.getId(), role.getVersion());
        }
    }

    private RoleView view(Role role) {
        return RoleView.of(role, holders(role));
    }

    private long holders(Role role) {
        return em.createNamedQuery(Role.HOLDERS, Long.class)
                .setParameter("role", role)
                .getSingleResult();
    }

    private Role find(long id) {
        Role role = em.find(Role.class, id);
        if (role == null) {
            throw new NotFoundException("role", id);
        }
        return role;
    }

    private RoleDelegation callerDelegation() {
        return new RoleDelegation(UserAccounts.byUsername(em, callerName())
                .map(UserAccount::getRoles)
                .orElse(Set.of()));
    }

    private String callerName() {
        return session.getCallerPrincipal().getName();
    }
}
