package dev.herald.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.access.entity.Permission;
import dev.herald.access.entity.SecurityRoles;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class SecurityGroupsTest {

    @Test
    void anyStaffPermissionMakesStaff() {
        assertThat(SecurityGroups.of(EnumSet.of(Permission.VIEW_SCHEDULES)))
                .containsExactlyInAnyOrder(SecurityRoles.VIEW_SCHEDULES, SecurityRoles.STAFF);
    }

    @Test
    void collectingReportsAloneIsNotStaff() {
        assertThat(SecurityGroups.of(EnumSet.of(Permission.COLLECT_REPORTS)))
                .containsExactly(SecurityRoles.COLLECT_REPORTS);
    }

    @Test
    void staffWhoCollectReportsAreBoth() {
        assertThat(SecurityGroups.of(EnumSet.of(Permission.MANAGE_USERS, Permission.COLLECT_REPORTS)))
                .containsExactlyInAnyOrder(
                        SecurityRoles.MANAGE_USERS, SecurityRoles.COLLECT_REPORTS, SecurityRoles.STAFF);
    }

    @Test
    void superAdministratorsAreMarked() {
        assertThat(SecurityGroups.of(EnumSet.of(Permission.MANAGE_REPORTS), true))
                .contains(SecurityRoles.SUPER_ADMINISTRATOR);
        assertThat(SecurityGroups.of(EnumSet.of(Permission.MANAGE_REPORTS), false))
                .doesNotContain(SecurityRoles.SUPER_ADMINISTRATOR);
    }

    @Test
    void noPermissionsNoGroups() {
        assertThat(SecurityGroups.of(EnumSet.noneOf(Permission.class))).isEmpty();
    }

    @Test
    void everyPermissionIsADeclaredSecurityRole() {
        for (Permission permission : Permission.values()) {
            assertThat(SecurityRoles.ALL).contains(permission.securityRole());
        }
    }
}
