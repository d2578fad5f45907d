package dev.herald.platform.api;

import dev.herald.access.entity.SecurityRoles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/** Herald's API for other systems. Authentication is per request (Basic or Bearer); there are no sessions. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Herald API",
                        version = "1",
                        description = "Report schedules, on-demand reports, runs and deliveries, for other systems."),
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer")})
@SecuritySchemes({
    @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic"),
    @SecurityScheme(
            securitySchemeName = "bearer",
            type = SecuritySchemeType.HTTP,
            scheme = "bearer",
            description = "An API token made by a user (POST /api/v1/api-tokens)")
})
@DeclareRoles({
    SecurityRoles.STAFF,
    SecurityRoles.SUPER_ADMINISTRATOR,
    SecurityRoles.EXPORT_REPORTS,
    SecurityRoles.SCHEDULED_TASK_MANAGEMENT,
    SecurityRoles.MANAGE_SCHEDULES,
    SecurityRoles.VIEW_SCHEDULES,
    SecurityRoles.MANAGE_REPORTS,
    SecurityRoles.MANAGE_USERS,
    SecurityRoles.MANAGE_ROLES,
    SecurityRoles.CONFIGURE_SUMMARY_REPORTS,
    SecurityRoles.VIEW_AUDIT_LOG,
    SecurityRoles.MANAGE_SETTINGS,
    SecurityRoles.COLLECT_REPORTS
})
public class HeraldApi extends Application {}
