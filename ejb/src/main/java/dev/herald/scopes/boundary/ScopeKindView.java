package dev.herald.scopes.boundary;

/**
 * A scope kind: what accounts can be limited to. {@code valueType} is TEXT or NUMBER (values bound to
 * SQL as BIGINT); {@code lookupSql} answers the values (first column) and their names (second).
 * {@code accounts}: how many accounts hold a value of it.
 */
public record ScopeKindView(
        String kind, String label, String valueType, String lookupSql, long accounts, long version) {}
