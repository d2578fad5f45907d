package dev.herald.reports.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads report SQL the way both of Herald's databases read it, and refuses what they read
 * differently. H2 and PostgreSQL agree on {@code '…'} literals (a doubled quote inside), {@code
 * "…"} identifiers, {@code --} line comments and un-nested block comments; they disagree on {@code
 * //} (a comment in H2, an operator in neither), nested block comments (PostgreSQL nests them, H2
 * does not), {@code E'…'} strings (backslash escapes in PostgreSQL only) and dollar quotes. Text
 * whose meaning depends on which database reads it is how a second statement hides from a check, so
 * those forms are refused; what is left has one meaning, and the check that follows reads that.
 */
public final class SqlText {

    /** The SQL with comments turned into spaces (literals kept), and what is wrong with it. */
    public record Read(String code, List<String> problems) {

        public boolean readable() {
            return problems.isEmpty();
        }
    }

    private SqlText() {}

    public static Read read(String sql) {
        List<String> problems = new ArrayList<>();
        StringBuilder code = new StringBuilder(sql.length());
        int n = sql.length();
        int i = 0;
        boolean ended = false;
        while (i < n && problems.isEmpty()) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : 0;
            if (ended && (c == '\'' || c == '"')) {
                problems.add(at(sql, i, "One statement only: remove the semicolons between statements"));
            } else if (c == '\'') {
                if (i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e') && !identifierBefore(sql, i - 1)) {
                    problems.add(at(
                            sql,
                            i,
                            "E'…' strings are read differently by H2 and PostgreSQL: write the text without E"));
                    break;
                }
                int end = closing(sql, i, '\'');
                if (end < 0) {
                    problems.add(at(sql, i, "A text in quotes (') is not closed"));
                    break;
                }
                code.append(sql, i, end);
                i = end;
            } else if (c == '"') {
                int end = closing(sql, i, '"');
                if (end < 0) {
                    problems.add(at(sql, i, "A quoted name (\") is not closed"));
                    break;
                }
                code.append(sql, i, end);
                i = end;
            } else if (c == '-' && next == '-') {
                int end = lineEnd(sql, i);
                code.append(' ');
                i = end;
            } else if (c == '/' && next == '/') {
                problems.add(at(sql, i, "// starts a comment in H2 but not in PostgreSQL: use -- for comments"));
            } else if (c == '/' && next == '*') {
                int end = sql.indexOf("*/", i + 2);
                int nested = sql.indexOf("/*", i + 2);
                if (end < 0) {
                    problems.add(at(sql, i, "A comment (/* … */) is not closed"));
                } else if (nested >= 0 && nested < end) {
                    problems.add(at(sql, i, "Comments inside comments are read differently by H2 and PostgreSQL"));
                } else {
                    // A space for the comment, and its line breaks, so that lines keep their numbers.
                    code.append(' ');
                    sql.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> code.append('\n'));
                    i = end + 2;
                }
            } else if (c == '$' && !identifierBefore(sql, i)) {
                problems.add(at(
                        sql,
                        i,
                        "$ quotes and $ parameters are not used in reports: write text in '…' and"
                                + " parameters as :name"));
            } else if (c == '`') {
                problems.add(at(sql, i, "` is not a quote in PostgreSQL: quote names with \"…\""));
            } else if (c == ';') {
                ended = true;
                i++;
            } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                problems.add(
                        at(sql, i, "The query holds a control character (U+" + String.format("%04X", (int) c) + ")"));
            } else if (ended && !Character.isWhitespace(c)) {
                problems.add(at(sql, i, "One statement only: remove the semicolons between statements"));
            } else {
                code.append(c);
                i++;
            }
        }
        // Blanks before the query stay: a parser's line numbers then count from the text as typed.
        return new Read(problems.isEmpty() ? code.toString().stripTrailing() : "", List.copyOf(problems));
    }

    private static String at(String sql, int index, String problem) {
        return SqlLines.onLine(problem, SqlLines.lineAt(sql, index));
    }

    private static boolean identifierBefore(String sql, int index) {
        if (index == 0) {
            return false;
        }
        char before = sql.charAt(index - 1);
        return Character.isLetterOrDigit(before) || before == '_' || before == '$';
    }

    /** The index after the closing quote (a doubled quote stays inside), or -1. */
    private static int closing(String sql, int start, char quote) {
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
        return -1;
    }

    private static int lineEnd(String sql, int from) {
        for (int i = from; i < sql.length(); i++) {
            if (sql.charAt(i) == '\n' || sql.charAt(i) == '\r') {
                return i;
            }
        }
        return sql.length();
    }
}
