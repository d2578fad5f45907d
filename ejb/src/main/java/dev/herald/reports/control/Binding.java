package dev.herald.reports.control;

import java.sql.Types;
import java.util.List;

/**
 * A value for a named SQL parameter, with its JDBC type so that a null binds with a type PostgreSQL
 * can infer. A {@link List} value expands to one placeholder per element.
 */
public record Binding(Object value, int sqlType) {

    public static Binding of(Object value, int sqlType) {
        return new Binding(value, sqlType);
    }

    public static Binding bool(boolean value) {
        return new Binding(value, Types.BOOLEAN);
    }

    public boolean isList() {
        return value instanceof List<?>;
    }
}
