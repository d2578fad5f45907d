package dev.herald.access.api;

import java.util.Set;

/** The caller as the API sees them: name, the security roles they are in, and a pending password change. */
public record MeDto(String username, Set<String> roles, boolean mustChangePassword) {}
