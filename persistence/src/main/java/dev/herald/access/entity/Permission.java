package dev.herald.access.entity;

/** What a role may allow. Each permission is also a container security role of the same name. */
public enum Permission {
    EXPORT_REPORTS(SecurityRoles.EXPORT_REPORTS, "Export Reports"),
    SCHEDULED_TASK_MANAGEMENT(SecurityRoles.SCHEDULED_TASK_MANAGEMENT, "Scheduled Task Management"),
    MANAGE_SCHEDULES(SecurityRoles.MANAGE_SCHEDULES, "Manage Schedules"),
    VIEW_SCHEDULES(SecurityRoles.VIEW_SCHEDULES, "View Schedules"),
    MANAGE_REPORTS(SecurityRoles.MANAGE_REPORTS, "Manage Reports"),
    MANAGE_USERS(SecurityRoles.MANAGE_USERS, "Manage Users"),
    MANAGE_ROLES(SecurityRoles.MANAGE_ROLES, "Manage Roles"),
    CONFIGURE_SUMMARY_REPORTS(SecurityRoles.CONFIGURE_SUMMARY_REPORTS, "Configure Summary Reports"),
    VIEW_AUDIT_LOG(SecurityRoles.VIEW_AUDIT_LOG, "View Audit Log"),
    MANAGE_SETTINGS(SecurityRoles.MANAGE_SETTINGS, "Manage Settings"),
    COLLECT_REPORTS(SecurityRoles.COLLECT_REPORTS, "Collect Reports");

    private final String securityRole;
    private final String label;

    Permission(String securityRole, String label) {
        this.securityRole = securityRole;
        this.label = label;
    }

    public String securityRole() {
        return securityRole;
    }

    public String label() {
        return label;
    }

    /** True for the permissions that belong to staff work, as opposed to collecting reports. */
    public boolean isStaff() {
        return this != COLLECT_REPORTS;
    }
}
