package dev.herald.reports.control;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which line of a report's SQL a problem is on, so that the console can mark it next to the text.
 * A problem's message ends with {@code (line N)}: the one place where the line travels, readable as
 * it is in the API's {@code errors} and found again here by the console. The database's own errors
 * give a position in the statement it was sent; turning {@code :name} into {@code ?} never moves a
 * line, so the line of that position is the line the person typed.
 */
public final class SqlLines {

    private static final Pattern LINE_SUFFIX = Pattern.compile(" \\(line (\\d{1,6})\\)$");
    /** PostgreSQL: "  Position: 15" (1-based, in characters of the statement). */
    private static final Pattern POSTGRESQL_POSITION = Pattern.compile("\\n\\s*Position: (\\d{1,9})\\s*$");
    /** JSqlParser: "… at line 3, column 7." */
    private static final Pattern PARSER_LINE = Pattern.compile("at line (\\d{1,6}), column \\d+");
    /** H2 marks the place in the statement it quotes with [*]. */
    private static final String H2_MARK = "[*]";

    private static final String H2_STATEMENT = "SQL statement \"";
    private static final String H2_LINE_BREAK = Pattern.quote("\\000a");
    /** The first name in double quotes in a message: H2's column, table and function names. */
    private static final Pattern QUOTED_NAME = Pattern.compile("\"([^\"\\s]{1,128})\"");

    private SqlLines() {}

    /** The message with its line. */
    public static String onLine(String message, int line) {
        return message + " (line " + line + ")";
    }

    /** The line a message names, if it names one. */
    public static OptionalInt lineOf(String message) {
        if (message == null) {
            return OptionalInt.empty();
        }
        Matcher matcher = LINE_SUFFIX.matcher(message);
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    /** The message without the line it names. */
    public static String withoutLine(String message) {
        return message == null ? null : LINE_SUFFIX.matcher(message).replaceFirst("");
    }

    /** The line (from 1) that holds the character at {@code index} of {@code text}. */
    public static int lineAt(String text, int index) {
        int line = 1;
        int end = Math.min(Math.max(index, 0), text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** How many lines the blanks before the first character hold (they are removed before the SQL is kept). */
    public static int leadingLines(String text) {
        int lines = 0;
        for (int i = 0; i < text.length() && Character.isWhitespace(text.charAt(i)); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** The line of a SQL parser's complaint, if it names one. */
    public static OptionalInt parserLine(String message) {
        if (message == null) {
            return OptionalInt.empty();
        }
        Matcher matcher = PARSER_LINE.matcher(message);
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    /**
     * The line of the statement a database error points at: PostgreSQL's position, or H2's mark in
     * the statement it quotes.
     */
    public static OptionalInt databaseLine(String statement, String message) {
        if (message == null) {
            return OptionalInt.empty();
        }
        Matcher position = POSTGRESQL_POSITION.matcher(message);
        if (position.find()) {
            return OptionalInt.of(lineAt(statement, Integer.parseInt(position.group(1)) - 1));
        }
        int mark = message.indexOf(H2_MARK);
        int quoted = message.indexOf(H2_STATEMENT);
        if (mark > 0 && quoted >= 0 && quoted < mark) {
            // H2 writes the line breaks of the statement it quotes as \000a.
            String before = message.substring(quoted + H2_STATEMENT.length(), mark);
            return OptionalInt.of(before.split(H2_LINE_BREAK, -1).length);
        }
        return namedLine(statement, message);
    }

    /**
     * When the database names what is wrong ({@code Column "x" not found}) without saying where, the
     * line where that name stands, if it stands on one line only.
     */
    private static OptionalInt namedLine(String statement, String message) {
        Matcher named = QUOTED_NAME.matcher(message);
        if (!named.find()) {
            return OptionalInt.empty();
        }
        Matcher uses = Pattern.compile(
                        "(?<![A-Za-z0-9_])" + Pattern.quote(named.group(1)) + "(?![A-Za-z0-9_])",
                        Pattern.CASE_INSENSITIVE)
                .matcher(statement);
        OptionalInt line = OptionalInt.empty();
        while (uses.find()) {
            int found = lineAt(statement, uses.start());
            if (line.isPresent() && line.getAsInt() != found) {
                return OptionalInt.empty();
            }
            line = OptionalInt.of(found);
        }
        return line;
    }

    /**
     * A database error in one line for people: PostgreSQL's position line goes (the line number says
     * it better), its hint stays; H2's repeated statement and error code go.
     */
    public static String databaseMessage(String message) {
        if (message == null) {
            return "the database gave no reason";
        }
        String text = POSTGRESQL_POSITION.matcher(message).replaceFirst("");
        int h2Statement = text.indexOf("; SQL statement:");
        if (h2Statement > 0) {
            text = text.substring(0, h2Statement);
        }
        text = text.replaceAll("\\s*\\[\\d{5}-\\d+\\]\\s*$", "");
        text = text.replaceAll("\\s*\\n\\s*", " ").strip();
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
