package dev.herald.scopes.boundary;

/** One value of a scope kind, with its name from the kind's lookup. */
public record ScopeValueView(String value, String name) {}
