package dev.herald.access.entity;

import java.util.Set;

/**
 * The security role names that the container checks ({@code @RolesAllowed}, web.xml constraints,
 * {@code isUserInRole}). A signed-in user is in the role of every permission their roles grant,
 * in {@link #STAFF} when they hold any role that is not Collect Reports alone, and in
 * {@link #COLLECT_REPORTS} when they may use the partner portal.
 *
 * <p>They are plain constants because annotations need compile-time strings; {@link Permission}
 * refers to them so that the two cannot drift apart.
 */
public final class SecurityRoles {

    public static final String STAFF = "STAFF";

    /** Holders of the built-in Super Administrator role: the only ones who may add SQL reports. */
    public static final String SUPER_ADMINISTRATOR = "SUPER_ADMINISTRATOR";

    public static final String EXPORT_REPORTS = "EXPORT_REPORTS";
    public static final String SCHEDULED_TASK_MANAGEMENT = "SCHEDULED_TASK_MANAGEMENT";
    public static final String MANAGE_SCHEDULES = "MANAGE_SCHEDULES";
    public static final String VIEW_SCHEDULES = "VIEW_SCHEDULES";
    public static final String MANAGE_REPORTS = "MANAGE_REPORTS";
    public static final String MANAGE_USERS = "MANAGE_USERS";
    public static final String MANAGE_ROLES = "MANAGE_ROLES";
    public static final String CONFIGURE_SUMMARY_REPORTS = "CONFIGURE_SUMMARY_REPORTS";
    public static final String VIEW_AUDIT_LOG = "VIEW_AUDIT_LOG";
    public static final String MANAGE_SETTINGS = "MANAGE_SETTINGS";
    public static final String COLLECT_REPORTS = "COLLECT_REPORTS";

    /** Every role above, for declaring them and for asking which of them a caller is in. */
    public static final Set<String> ALL = Set.of(
            STAFF,
            SUPER_ADMINISTRATOR,
            EXPORT_REPORTS,
            SCHEDULED_TASK_MANAGEMENT,
            MANAGE_SCHEDULES,
            VIEW_SCHEDULES,
            MANAGE_REPORTS,
            MANAGE_USERS,
            MANAGE_ROLES,
            CONFIGURE_SUMMARY_REPORTS,
            VIEW_AUDIT_LOG,
            MANAGE_SETTINGS,
            COLLECT_REPORTS);

    private SecurityRoles() {}
}
