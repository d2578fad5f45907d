package dev.herald.scopes.boundary;

/** A scope kind as staff declare it; {@code kind} is its key (lower case, digits and hyphens), fixed once made. */
public record ScopeKindInput(String kind, String label, String valueType, String lookupSql) {}
