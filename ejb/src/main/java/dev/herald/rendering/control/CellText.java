package dev.herald.rendering.control;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** How values read as text in CSV and XML, and the guard that keeps text from becoming a formula. */
final class CellText {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CellText() {}

    /** Plain, locale-free text: ISO dates, numbers without grouping or exponent. */
    static String plain(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double d) {
            return plainDouble(d);
        }
        if (value instanceof LocalDateTime t) {
            return DATE_TIME.format(t);
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        return String.valueOf(value);
    }

    static String plainDouble(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        double abs = Math.abs(d);
        if (abs >= 1e-3 && abs < 1e7) {
            return Double.toString(d);
        }
        return BigDecimal.valueOf(d).toPlainString();
    }

    /**
     * Whether a spreadsheet would read this text as a formula, following OWASP's CSV injection
     * advice and going past it where spreadsheets do: text that starts with a tab, carriage return or
     * line feed; or whose first character after any leading blanks (spaces, no-break spaces,
     * zero-width and other invisible characters, control characters) is {@code =}, {@code @},
     * {@code +} or {@code -}, also written full-width or small ({@code ＝ ＠ ＋ －}, which
     * spreadsheets with an East Asian input method take as the ASCII signs). A sign followed by a
     * plain number is a number, not a formula ({@code -12.5} stays as it is).
     */
    static boolean looksLikeFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        if (first == '\t' || first == '\r' || first == '\n') {
            return true;
        }
        int i = 0;
        while (i < text.length() && isBlank(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return false;
        }
        char sign = asciiSign(text.charAt(i));
        if (sign == '=' || sign == '@') {
            return true;
        }
        if (sign == '+' || sign == '-') {
            return !isPlainNumber(text, i + 1);
        }
        return false;
    }

    /** Characters a spreadsheet passes over before it decides what a cell holds. */
    private static boolean isBlank(char c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT;
    }

    /** The ASCII sign a character stands for ({@code ＝} and {@code ﹦} are {@code =}), or the character itself. */
    private static char asciiSign(char c) {
        if (c < 0x80) {
            return c;
        }
        String compatible = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
        return compatible.length() == 1 ? compatible.charAt(0) : c;
    }

    /** Whether the text from {@code start} on is digits with at most one decimal point. */
    private static boolean isPlainNumber(String text, int start) {
        int i = start;
        int digits = 0;
        boolean point = false;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digits > 0;
    }
}
