package dev.herald.access.boundary;

import dev.herald.access.entity.ApiToken;
import java.time.Instant;

/** An API token as its owner sees it in lists: never the secret. */
public record ApiTokenDetails(
        long id,
        String name,
        String prefix,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    static ApiTokenDetails of(ApiToken token) {
        return new ApiTokenDetails(
                token.getId(),
                token.getName(),
                token.getTokenPrefix(),
                token.getCreatedAt(),
                token.getExpiresAt(),
                token.getLastUsedAt(),
                token.getRevokedAt());
    }
}
