package dev.herald.reports.control;

import dev.herald.platform.boundary.ValidationException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The static checks on a SQL report before it is tried on the database: one statement, a query
 * (SELECT or WITH), no statement that writes or reaches outside the database, no read of Herald's
 * own tables (users, tokens, the audit log share a database with the demo data), and only declared
 * parameters. Whatever passes still runs on a read-only connection with a time-out; on PostgreSQL
 * the reporting user should also hold SELECT grants only.
 */
public final class SqlReportCheck {

    public static final Pattern KEY_PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{1,99}");
    public static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,39}");

    private static final Set<String> FORBIDDEN = Set.of(
            "insert",
            "update",
            "delete",
            "merge",
            "upsert",
            "drop",
            "create",
            "alter",
            "truncate",
            "grant",
            "revoke",
            "copy",
            "call",
            "execute",
            "do",
            "vacuum",
            "analyze",
            "lock",
            "set",
            "reset",
            "listen",
            "notify",
            "into",
            "runscript",
            "script",
            "backup",
            "shutdown",
            "file_read",
            "file_write",
            "csvread",
            "csvwrite",
            "link_schema",
            "pg_read_file",
            "pg_read_binary_file",
            "pg_ls_dir",
            "pg_sleep",
            "lo_import",
            "lo_export",
            "dblink",
            "pg_terminate_backend",
            "pg_cancel_backend",
            "set_config",
            "nextval",
            "setval");

    private static final Set<String> HERALD_TABLES = Set.of(
            "app_user",
            "app_role",
            "role_permission",
            "role_assignable_role",
            "user_role",
            "api_token",
            "audit_event",
            "report_definition",
            "criteria_set",
            "schedule",
            "scheduled_report",
            "scheduled_report_recipient",
            "run",
            "organisation_settings",
            "demo_data_load",
            "flyway_schema_history",
            "pg_authid",
            "pg_shadow",
            "pg_user",
            "information_schema",
            "pg_catalog",
            "pg_roles",
            "pg_settings");

    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private SqlReportCheck() {}

    /** Adds every problem with the SQL to {@code errors} (on field {@code sql}). */
    public static void check(String sql, List<ParameterSpec> parameters, ValidationException.Builder errors) {
        if (sql == null || sql.isBlank()) {
            errors.add("sql", "Enter the report's query");
            return;
        }
        if (sql.length() > 20_000) {
            errors.add("sql", "At most 20,000 characters");
            return;
        }
        String code = codeOnly(sql).strip();
        if (code.endsWith(";")) {
            code = code.substring(0, code.length() - 1).strip();
        }
        if (code.contains(";")) {
            errors.add("sql", "One statement only: remove the semicolons between statements");
            return;
        }
        String lower = code.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("select") || lower.startsWith("with"))) {
            errors.add("sql", "A report's query starts with SELECT or WITH");
            return;
        }
        Set<String> words = new HashSet<>();
        Matcher word = WORD.matcher(lower);
        while (word.find()) {
            words.add(word.group());
        }
        for (String w : words) {
            if (FORBIDDEN.contains(w)) {
                errors.add("sql", "'" + w.toUpperCase(Locale.ROOT) + "' is not allowed in a report: reports only read");
                return;
            }
            if (HERALD_TABLES.contains(w)) {
                errors.add("sql", "Reports cannot read Herald's own table " + w);
                return;
            }
        }
        Set<String> bindable = new HashSet<>();
        parameters.forEach(p -> bindable.addAll(CriteriaResolver.bindableNames(p)));
        for (String name : NamedSql.parse(sql).names()) {
            if (!bindable.contains(name)) {
                errors.add("sql", "The query uses :" + name + ", which is not a declared parameter");
            }
        }
    }

    /** The SQL with string literals, quoted identifiers and comments blanked out. */
    static String codeOnly(String sql) {
        StringBuilder code = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < sql.length()) {
                    if (sql.charAt(end) == c) {
                        if (end + 1 < sql.length() && sql.charAt(end + 1) == c) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                code.append(c == '"' ? " qid " : " '' ");
                i = end + 1;
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
                code.append(' ');
            } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
                code.append(' ');
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }

    /** A column name that is a valid XML element name, from a query's column label. */
    public static String columnName(String label, Set<String> taken) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : label.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128) {
                name.append(upper && name.length() > 0 ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        if (name.length() == 0 || Character.isDigit(name.charAt(0))) {
            name.insert(0, "c");
        }
        String base = name.toString();
        String unique = base;
        for (int n = 2; taken.contains(unique); n++) {
            unique = base + n;
        }
        taken.add(unique);
        return unique;
    }

    /** A label for a column from its query label: {@code paid_at} reads "Paid at". */
    public static String columnLabel(String label) {
        String spaced = label.replace('_', ' ').strip();
        return spaced.isEmpty() ? label : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
