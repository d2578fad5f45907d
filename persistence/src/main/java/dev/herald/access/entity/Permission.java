package dev.herald.access.entity;

/** What a role may allow. Each permission is also a container security role of the same name. */
public enum Permission {
    EXPORT_REPORTS(
            SecurityRoles.EXPORT_REPORTS,
            "Export Reports",
            "Preview reports, download them in any format and download the files of runs"),
    SCHEDULED_TASK_MANAGEMENT(
            SecurityRoles.SCHEDULED_TASK_MANAGEMENT,
            "Scheduled Task Management",
            "Create, change, enable, disable and delete scheduled tasks such as usage exports"),
    MANAGE_SCHEDULES(
            SecurityRoles.MANAGE_SCHEDULES,
            "Manage Schedules",
            "Create, change and delete report schedules; run, test, resend and cancel them"),
    VIEW_SCHEDULES(SecurityRoles.VIEW_SCHEDULES, "View Schedules", "See report schedules and their run history"),
    MANAGE_REPORTS(SecurityRoles.MANAGE_REPORTS, "Manage Reports", "Manage the report catalog and saved criteria sets"),
    MANAGE_USERS(
            SecurityRoles.MANAGE_USERS,
            "Manage Users",
            "Create, change, enable, disable and unlock users and set their passwords"),
    MANAGE_ROLES(SecurityRoles.MANAGE_ROLES, "Manage Roles", "Create, change and delete custom roles"),
    CONFIGURE_SUMMARY_REPORTS(
            SecurityRoles.CONFIGURE_SUMMARY_REPORTS,
            "Configure Summary Reports",
            "Configure and test the weekly summary reports"),
    VIEW_AUDIT_LOG(SecurityRoles.VIEW_AUDIT_LOG, "View Audit Log", "Read the audit log"),
    MANAGE_SETTINGS(SecurityRoles.MANAGE_SETTINGS, "Manage Settings", "Change the organisation settings"),
    COLLECT_REPORTS(
            SecurityRoles.COLLECT_REPORTS,
            "Collect Reports",
            "Use the partner portal: run on-demand reports and download files sent by link");

    private final String securityRole;
    private final String label;
    private final String description;

    Permission(String securityRole, String label, String description) {
        this.securityRole = securityRole;
        this.label = label;
        this.description = description;
    }

    public String securityRole() {
        return securityRole;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** True for the permissions that belong to staff work, as opposed to collecting reports. */
    public boolean isStaff() {
        return this != COLLECT_REPORTS;
    }
}
