package dev.herald.rendering.control;

import java.math.BigDecimal;
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
     * Whether a spreadsheet would read this text as a formula: it starts with {@code =}, {@code @},
     * a tab or a carriage return, or with {@code +} or {@code -} without being a plain number
     * ({@code -12.5} stays a number).
     */
    static boolean looksLikeFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        if (first == '=' || first == '@' || first == '\t' || first == '\r') {
            return true;
        }
        if (first == '+' || first == '-') {
            return !isPlainNumber(text);
        }
        return false;
    }

    private static boolean isPlainNumber(String text) {
        int i = 1;
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
