package dev.herald.access.boundary;

/** A token just made: the only time its secret is ever shown. */
public record NewApiToken(ApiTokenDetails token, String secret) {}
