package dev.herald.reports.control;

import dev.herald.platform.boundary.ValidationException;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * The second wall in front of report SQL: before a query is tried on the database it must read as
 * exactly one query. {@link SqlText} refuses text that H2 and PostgreSQL would read differently
 * (so nothing can hide from this check), then a SQL parser (JSqlParser) must read what is left as a
 * single SELECT (or WITH … SELECT, or VALUES) that neither writes (SELECT INTO, data-changing WITH)
 * nor locks rows (FOR UPDATE/SHARE), and the query may use only declared parameters.
 *
 * <p>This wall is not what keeps reports from Herald's own tables, files or server: that is the
 * database account the queries run as, which may only read the reporting schema
 * ({@link ReportingAccount}, checked by {@link ReportingPrivileges}). So there is no list of
 * forbidden words or table names here; a query this check lets through can still only read what
 * that account may read.
 */
public final class SqlReportCheck {

    public static final Pattern KEY_PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{1,99}");
    public static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,39}");
    public static final int MAX_LENGTH = 20_000;
    /** Parentheses deeper than this are refused before parsing (the parser's time grows with depth). */
    private static final int MAX_NESTING = 40;
    /** The parser gives up after this long (it runs on a thread of its own). */
    private static final long PARSE_TIMEOUT_MILLIS = 5_000;

    private SqlReportCheck() {}

    /** Adds every problem with the SQL to {@code errors} (on field {@code sql}). */
    public static void check(String sql, List<ParameterSpec> parameters, ValidationException.Builder errors) {
        check(sql, parameters, "sql", errors);
    }

    /** The same, naming the field. */
    public static void check(
            String sql, List<ParameterSpec> parameters, String field, ValidationException.Builder errors) {
        if (sql == null || sql.isBlank()) {
            errors.add(field, "Enter the report's query");
            return;
        }
        if (sql.length() > MAX_LENGTH) {
            errors.add(field, "At most 20,000 characters");
            return;
        }
        SqlText.Read read = SqlText.read(sql);
        if (!read.readable()) {
            read.problems().forEach(problem -> errors.add(field, problem));
            return;
        }
        NamedSql named = NamedSql.parse(read.code());
        Set<String> bindable = new HashSet<>();
        parameters.forEach(p -> bindable.addAll(CriteriaResolver.bindableNames(p)));
        boolean undeclared = false;
        for (String name : named.names()) {
            if (!bindable.contains(name)) {
                errors.add(
                        field,
                        SqlLines.onLine(
                                "The query uses :" + name + ", which is not a declared parameter",
                                lineOfName(read.code(), name)));
                undeclared = true;
            }
        }
        if (!undeclared) {
            oneQuery(named.withPlaceholders(), field, errors);
        }
    }

    private static void oneQuery(String code, String field, ValidationException.Builder errors) {
        if (CCJSqlParserUtil.getNestingDepth(code) > MAX_NESTING) {
            errors.add(field, "Brackets are nested more than " + MAX_NESTING + " deep");
            return;
        }
        Statements statements;
        try {
            statements = CCJSqlParserUtil.parseStatements(
                    code, parser -> parser.withTimeOut(PARSE_TIMEOUT_MILLIS).withAllowComplexParsing(true));
        } catch (JSQLParserException e) {
            String problem = "Herald cannot read this as one query: " + firstLine(e);
            OptionalInt line = SqlLines.parserLine(fullMessage(e));
            errors.add(field, line.isPresent() ? SqlLines.onLine(problem, line.getAsInt()) : problem);
            return;
        }
        if (statements.size() != 1) {
            errors.add(field, "One statement only");
            return;
        }
        if (!(statements.get(0) instanceof Select select)) {
            errors.add(field, "A report's query is a SELECT (or WITH … SELECT): it only reads");
            return;
        }
        if (select.getWithItemsList() != null
                && select.getWithItemsList().stream()
                        .anyMatch(with -> !(with.getParenthesedStatement() instanceof Select))) {
            errors.add(field, "A WITH part of a report only reads: no INSERT, UPDATE or DELETE in it");
        }
        if (select instanceof PlainSelect plain
                && (plain.getIntoTables() != null && !plain.getIntoTables().isEmpty()
                        || plain.getIntoTempTable() != null)) {
            errors.add(field, "SELECT INTO makes a table: a report only reads");
        }
        if (select.getForMode() != null || select.getForUpdateTable() != null) {
            errors.add(field, "A report does not lock rows (FOR UPDATE / FOR SHARE)");
        }
    }

    /** The line of the first use of {@code :name} in the code (comments are blanks there already). */
    private static int lineOfName(String code, String name) {
        Matcher use = Pattern.compile("(?<!:):" + Pattern.quote(name) + "(?![A-Za-z0-9_])")
                .matcher(code);
        return use.find() ? SqlLines.lineAt(code, use.start()) : 1;
    }

    private static String fullMessage(JSQLParserException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() == null ? e.getMessage() : cause.getMessage();
    }

    private static String firstLine(JSQLParserException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? e.getMessage() : cause.getMessage();
        if (message == null) {
            return "the parser gave up";
        }
        String line = message.strip().lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
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
