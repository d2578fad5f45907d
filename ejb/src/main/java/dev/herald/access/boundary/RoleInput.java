package dev.herald.access.boundary;

import java.util.List;

/** A custom role to create, or its new state: permission names, and the roles its holders may assign. */
public record RoleInput(
        String name,
        String description,
        List<String> permissions,
        Boolean manageAllRoles,
        List<String> assignableRoles) {}
