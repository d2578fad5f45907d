package dev.herald.rendering.control;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * XML in UTF-8, written as rows arrive:
 *
 * <pre>{@code
 * <report key="…" name="…" title="…" organisation="…" generatedAt="2026-11-25T06:00:00Z" timeZone="Europe/London">
 *   <criteria><criterion name="paymentDate" label="Payment date" from="2026-11-16" to="2026-11-22">Last week: …</criterion></criteria>
 *   <columns><column name="amount" label="Amount" type="MONEY"/>…</columns>
 *   <rows><row><amount>12.50</amount>…</row>…</rows>
 *   <totals><amount>1234.50</amount></totals>
 *   <rowCount>99</rowCount>
 * </report>
 * }</pre>
 *
 * Each value is an element named after its column; an empty value has no element. Values are typed
 * as in XML Schema: numbers without grouping, dates {@code 2026-11-25}, date-times
 * {@code 2026-11-25T10:00:00} on the organisation's clock, booleans {@code true}/{@code false}.
 */
public final class XmlRenderer implements Renderer {

    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final Writer out;
    private String[] open;
    private String[] close;

    public XmlRenderer(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void begin(RenderHeader header) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report");
        attribute("key", header.reportKey());
        attribute("name", header.reportName());
        attribute("title", header.title());
        attribute("organisation", header.organisation());
        attribute("generatedAt", header.generatedAt().toOffsetDateTime().toString());
        attribute("timeZone", header.generatedAt().getZone().getId());
        out.write(">\n  <criteria>\n");
        for (Criterion criterion : header.criteria()) {
            out.write("    <criterion");
            attribute("name", criterion.name());
            attribute("label", criterion.label());
            if (criterion.first() != null) {
                attribute("from", criterion.first().toString());
                attribute("to", criterion.last().toString());
            }
            out.write('>');
            XmlText.write(out, criterion.value());
            out.write("</criterion>\n");
        }
        out.write("  </criteria>\n  <columns>\n");
        List<ColumnSpec> columns = header.columns();
        open = new String[columns.size()];
        close = new String[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec column = columns.get(i);
            out.write("    <column");
            attribute("name", column.name());
            attribute("label", column.label());
            attribute("type", column.type().name());
            out.write("/>\n");
            open[i] = "<" + column.name() + ">";
            close[i] = "</" + column.name() + ">";
        }
        out.write("  </columns>\n  <rows>\n");
    }

    private void attribute(String name, String value) throws IOException {
        if (value == null) {
            return;
        }
        out.write(' ');
        out.write(name);
        out.write("=\"");
        XmlText.write(out, value);
        out.write('"');
    }

    @Override
    public void row(Object[] values) throws IOException {
        out.write("    <row>");
        values(values);
        out.write("</row>\n");
    }

    private void values(Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            out.write(open[i]);
            if (value instanceof String s) {
                XmlText.write(out, s);
            } else if (value instanceof Long l) {
                out.write(Long.toString(l));
            } else if (value instanceof LocalDateTime t) {
                out.write(LOCAL_DATE_TIME.format(t));
            } else {
                out.write(CellText.plain(value));
            }
            out.write(close[i]);
        }
    }

    @Override
    public void finish(Object[] totals, long rowCount) throws IOException {
        out.write("  </rows>\n");
        if (totals != null) {
            out.write("  <totals>");
            values(totals);
            out.write("</totals>\n");
        }
        out.write("  <rowCount>" + rowCount + "</rowCount>\n</report>\n");
        out.flush();
    }
}
