package dev.herald.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.access.entity.Permission;
import dev.herald.access.entity.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleDelegationTest {

    private final Role superAdministrator = role(Role.SUPER_ADMINISTRATOR, Permission.values());
    private final Role administrator = role(Role.ADMINISTRATOR, Permission.MANAGE_USERS, Permission.VIEW_SCHEDULES);
    private final Role collect = role(Role.COLLECT_REPORTS, Permission.COLLECT_REPORTS);
    private final Role auditor = role("Auditor", Permission.VIEW_AUDIT_LOG);
    private final List<Role> all = List.of(superAdministrator, administrator, collect, auditor);

    RoleDelegationTest() {
        superAdministrator.setManageAllRoles(true);
        administrator.getAssignableRoles().addAll(Set.of(administrator, collect));
    }

    @Test
    void manageAllRolesAssignsEveryRole() {
        RoleDelegation delegation = new RoleDelegation(List.of(superAdministrator));
        assertThat(delegation.managesAllRoles()).isTrue();
        assertThat(delegation.assignableNames(all))
                .containsExactlyInAnyOrder(
                        Role.SUPER_ADMINISTRATOR, Role.ADMINISTRATOR, Role.COLLECT_REPORTS, "Auditor");
        assertThat(delegation.mayManageHolderOf(Set.of(superAdministrator, auditor)))
                .isTrue();
    }

    @Test
    void otherwiseOnlyTheListedRoles() {
        RoleDelegation delegation = new RoleDelegation(List.of(administrator));
        assertThat(delegation.assignableNames(all)).containsExactly(Role.ADMINISTRATOR, Role.COLLECT_REPORTS);
        assertThat(delegation.mayAssign(collect)).isTrue();
        assertThat(delegation.mayAssign(auditor)).isFalse();
        assertThat(delegation.mayAssign(superAdministrator)).isFalse();
    }

    @Test
    void aUserIsManagedOnlyBySomeoneWhoMayAssignAllTheirRoles() {
        RoleDelegation delegation = new RoleDelegation(List.of(administrator));
        assertThat(delegation.mayManageHolderOf(Set.of(collect))).isTrue();
        assertThat(delegation.mayManageHolderOf(Set.of(collect, auditor))).isFalse();
        assertThat(delegation.mayManageHolderOf(Set.of(superAdministrator))).isFalse();
    }

    @Test
    void rolesAreComparedByNameAcrossInstances() {
        Role sameCollectElsewhere = role(Role.COLLECT_REPORTS, Permission.COLLECT_REPORTS);
        assertThat(new RoleDelegation(List.of(administrator)).mayAssign(sameCollectElsewhere))
                .isTrue();
    }

    @Test
    void grantsOnlyPermissionsItsHoldersHave() {
        assertThat(new RoleDelegation(List.of(administrator, auditor)).grantablePermissions())
                .containsExactlyInAnyOrder(
                        Permission.MANAGE_USERS, Permission.VIEW_SCHEDULES, Permission.VIEW_AUDIT_LOG);
        assertThat(new RoleDelegation(List.of()).grantablePermissions()).isEmpty();
        assertThat(new RoleDelegation(List.of()).mayManageHolderOf(Set.of())).isTrue();
    }

    private static Role role(String name, Permission... permissions) {
        Role role = new Role(name, null);
        role.getPermissions().addAll(List.of(permissions));
        return role;
    }
}
