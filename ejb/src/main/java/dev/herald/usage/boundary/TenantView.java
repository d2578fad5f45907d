package dev.herald.usage.boundary;

import java.time.Instant;

/** A tenant of the service provider. */
public record TenantView(long id, String name, String status, String plan, String region, Instant createdAt) {}
