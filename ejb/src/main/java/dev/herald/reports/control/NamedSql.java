package dev.herald.reports.control;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQL with named parameters ({@code :name}) turned into JDBC's {@code ?}. Names inside string
 * literals, quoted identifiers and comments are left alone, and so are PostgreSQL casts
 * ({@code ::date}). A list value expands to one placeholder per element, or to {@code NULL} when empty.
 */
public final class NamedSql {

    private final List<String> fragments;
    private final List<String> names;

    private NamedSql(List<String> fragments, List<String> names) {
        this.fragments = fragments;
        this.names = names;
    }

    /** The statement and its values in placeholder order, ready to bind. */
    public record Statement(String sql, List<Binding> values) {

        public void bind(PreparedStatement statement) throws SQLException {
            int index = 1;
            for (Binding binding : values) {
                if (binding.value() == null) {
                    statement.setNull(index++, binding.sqlType());
                } else {
                    statement.setObject(index++, binding.value());
                }
            }
        }
    }

    public static NamedSql parse(String sql) {
        List<String> fragments = new ArrayList<>();
        List<String> names = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closingQuote(sql, i, c);
                current.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                current.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                current.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                current.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                fragments.add(current.toString());
                current.setLength(0);
                names.add(sql.substring(i + 1, end));
                i = end;
            } else {
                current.append(c);
                i++;
            }
        }
        fragments.add(current.toString());
        return new NamedSql(List.copyOf(fragments), List.copyOf(names));
    }

    private static int closingQuote(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** The SQL with a JDBC placeholder for each use of a name, for tools that read SQL but not names. */
    public String withPlaceholders() {
        return String.join("?", fragments);
    }

    /** The parameter names the SQL uses, each once, in order of first use. */
    public Set<String> names() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }

    /** The SQL with placeholders for these values; every name used must have one. */
    public Statement bind(Map<String, Binding> bindings) {
        StringBuilder sql = new StringBuilder();
        List<Binding> values = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            sql.append(fragments.get(i));
            Binding binding = bindings.get(names.get(i));
            if (binding == null) {
                throw new IllegalArgumentException("No value for :" + names.get(i));
            }
            if (binding.isList()) {
                List<?> list = (List<?>) binding.value();
                if (list.isEmpty()) {
                    sql.append("NULL");
                }
                for (int j = 0; j < list.size(); j++) {
                    sql.append(j == 0 ? "?" : ", ?");
                    values.add(Binding.of(list.get(j), binding.sqlType()));
                }
            } else {
                sql.append('?');
                values.add(binding);
            }
        }
        sql.append(fragments.get(fragments.size() - 1));
        return new Statement(sql.toString(), List.copyOf(values));
    }
}
