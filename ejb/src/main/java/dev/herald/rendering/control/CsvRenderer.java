package dev.herald.rendering.control;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * RFC 4180 CSV in UTF-8: one header row of column labels, CRLF line ends, fields quoted only when
 * they hold the delimiter, a quote or a line break. Text that a spreadsheet would take for a formula
 * gets a leading apostrophe; typed numbers are written as they are. The criteria are not in the file
 * (a criteria block would break every CSV reader); the e-mail and the API's headers state them.
 */
public final class CsvRenderer implements Renderer {

    private final Writer out;
    private final char delimiter;
    private final boolean byteOrderMark;

    public CsvRenderer(OutputStream out, char delimiter, boolean byteOrderMark) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.delimiter = delimiter;
        this.byteOrderMark = byteOrderMark;
    }

    @Override
    public void begin(RenderHeader header) throws IOException {
        if (byteOrderMark) {
            out.write('\uFEFF');
        }
        for (int i = 0; i < header.columns().size(); i++) {
            if (i > 0) {
                out.write(delimiter);
            }
            text(header.columns().get(i).label());
        }
        out.write("\r\n");
    }

    @Override
    public void row(Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(delimiter);
            }
            Object value = values[i];
            if (value == null) {
                continue;
            }
            if (value instanceof String s) {
                text(s);
            } else if (value instanceof Long l) {
                out.write(Long.toString(l));
            } else if (value instanceof Boolean b) {
                out.write(b ? "true" : "false");
            } else {
                out.write(CellText.plain(value));
            }
        }
        out.write("\r\n");
    }

    @Override
    public void finish(Object[] totals, long rowCount) throws IOException {
        out.flush();
    }

    private void text(String value) throws IOException {
        boolean guard = CellText.looksLikeFormula(value);
        boolean quote = guard && value.charAt(0) == '\r';
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == delimiter || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            if (guard) {
                out.write('\'');
            }
            out.write(value);
            return;
        }
        out.write('"');
        if (guard) {
            out.write('\'');
        }
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '"') {
                out.write(value, start, i - start + 1);
                out.write('"');
                start = i + 1;
            }
        }
        out.write(value, start, value.length() - start);
        out.write('"');
    }
}
