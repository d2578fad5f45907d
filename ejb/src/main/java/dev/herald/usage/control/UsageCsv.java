package dev.herald.usage.control;

import java.util.List;

/**
 * A small CSV of lists people export from a page (the generated usage reports): RFC 4180 quoting,
 * CRLF line ends, and text that a spreadsheet would take for a formula prefixed with an apostrophe.
 */
public final class UsageCsv {

    private final StringBuilder csv = new StringBuilder();
    private final char delimiter;

    public UsageCsv(char delimiter, List<String> header) {
        this.delimiter = delimiter;
        row(header);
    }

    public UsageCsv row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(delimiter);
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
        return this;
    }

    private String cell(String value) {
        if (value == null) {
            return "";
        }
        String text =
                !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !isNumber(value) ? "'" + value : value;
        boolean quote = text.indexOf(delimiter) >= 0
                || text.indexOf('"') >= 0
                || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static boolean isNumber(String value) {
        return value.matches("-?[0-9]+(\\.[0-9]+)?");
    }

    @Override
    public String toString() {
        return csv.toString();
    }
}
