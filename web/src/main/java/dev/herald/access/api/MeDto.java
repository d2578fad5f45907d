package dev.herald.access.api;

import java.util.Set;

/** The caller as the API sees them: name and the security roles they are in. */
public record MeDto(String username, Set<String> roles) {}
