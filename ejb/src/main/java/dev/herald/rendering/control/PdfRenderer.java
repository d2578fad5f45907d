package dev.herald.rendering.control;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * PDF through OpenPDF: the title, the report, organisation and time it was made, the criteria with
 * their resolved dates, then the table, whose header row repeats on every page, and "Page X of Y" at
 * the foot of each page. Landscape when the columns would not fit upright. DejaVu Sans is embedded
 * (subset), so accented, Greek and Cyrillic names print as written.
 *
 * <p>The table is written in slices: it is marked incomplete and added to the document every
 * {@value #SLICE} rows, which lays those rows out on pages and lets them go. Memory stays flat at
 * any number of rows; a table built whole first would hold every cell until the end.
 */
public final class PdfRenderer implements Renderer {

    static final int SLICE = 200;
    private static final BaseFont REGULAR = PdfFonts.REGULAR;
    private static final BaseFont BOLD = PdfFonts.BOLD;
    private static final Color HEADER_FILL = new Color(0xDC, 0xE6, 0xF1);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final OutputStream out;
    private final Font cellFont = new Font(REGULAR, 8);
    private final Font headerFont = new Font(BOLD, 8);
    private final DecimalFormat money = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    private final DecimalFormat integer = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));

    private Document document;
    private PdfPTable table;
    private int[] alignments;
    private ColumnType[] types;
    private boolean[] plainIntegers;
    private int pending;

    public PdfRenderer(OutputStream out) {
        this.out = out;
    }

    @Override
    public void begin(RenderHeader header) throws IOException {
        List<ColumnSpec> columns = header.columns();
        float[] widths = new float[columns.size()];
        float total = 0;
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.min(columns.get(i).effectiveWidth(), 30);
            total += widths[i];
        }
        Rectangle page = total > 95 ? PageSize.A4.rotate() : PageSize.A4;
        document = new Document(page, 28, 28, 30, 36);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            writer.setPageEvent(new Footer(header.title()));
            document.addTitle(header.title());
            document.addCreator("Herald");
            document.open();
            document.add(new Paragraph(header.title(), new Font(BOLD, 15)));
            Font note = new Font(REGULAR, 8.5f, Font.NORMAL, Color.DARK_GRAY);
            document.add(new Paragraph(
                    header.reportName() + " · " + header.organisation() + " · made "
                            + DATE_TIME.format(header.generatedAt()) + " "
                            + header.generatedAt().getZone().getId(),
                    note));
            for (Criterion criterion : header.criteria()) {
                Phrase line = new Phrase();
                line.add(new Chunk(criterion.label() + ": ", new Font(BOLD, 8.5f, Font.NORMAL, Color.DARK_GRAY)));
                line.add(new Chunk(criterion.value(), note));
                document.add(new Paragraph(line));
            }
            document.add(new Paragraph(" ", note));

            table = new PdfPTable(widths.length);
            table.setWidthPercentage(100);
            table.setWidths(widths);
            table.setHeaderRows(1);
            table.setComplete(false);
            table.setSplitLate(false);
            alignments = new int[columns.size()];
            types = new ColumnType[columns.size()];
            plainIntegers = new boolean[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                ColumnSpec column = columns.get(i);
                types[i] = column.type();
                plainIntegers[i] = "0".equals(column.format());
                alignments[i] = column.type().isNumeric() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT;
                PdfPCell cell = new PdfPCell(new Phrase(column.label(), headerFont));
                cell.setBackgroundColor(HEADER_FILL);
                cell.setHorizontalAlignment(alignments[i]);
                cell.setPadding(3);
                table.addCell(cell);
            }
            PdfPCell defaults = table.getDefaultCell();
            defaults.setPadding(2.5f);
            defaults.setBorderWidth(0.25f);
            defaults.setBorderColor(Color.LIGHT_GRAY);
        } catch (DocumentException e) {
            throw new IOException("Cannot start the PDF", e);
        }
    }

    @Override
    public void row(Object[] values) throws IOException {
        PdfPCell defaults = table.getDefaultCell();
        for (int i = 0; i < values.length; i++) {
            defaults.setHorizontalAlignment(alignments[i]);
            Object value = values[i];
            String text = plainIntegers[i] && value instanceof Long l ? Long.toString(l) : text(value, types[i]);
            table.addCell(new Phrase(text, cellFont));
        }
        if (++pending == SLICE) {
            flush();
        }
    }

    private void flush() throws IOException {
        try {
            document.add(table);
        } catch (DocumentException e) {
            throw new IOException("Cannot write the PDF", e);
        }
        pending = 0;
    }

    @Override
    public void finish(Object[] totals, long rowCount) throws IOException {
        if (totals != null) {
            boolean labelled = false;
            for (int i = 0; i < totals.length; i++) {
                String text = totals[i] == null ? (labelled ? "" : "Total") : text(totals[i], types[i]);
                labelled |= totals[i] == null;
                PdfPCell cell = new PdfPCell(new Phrase(text, headerFont));
                cell.setHorizontalAlignment(alignments[i]);
                cell.setPadding(2.5f);
                cell.setBorderWidth(0.25f);
                cell.setBorderWidthTop(1f);
                table.addCell(cell);
            }
        }
        if (rowCount == 0) {
            PdfPCell cell = new PdfPCell(new Phrase("No rows match these criteria.", cellFont));
            cell.setColspan(alignments.length);
            cell.setPadding(4);
            table.addCell(cell);
        }
        table.setComplete(true);
        flush();
        document.close();
        out.flush();
    }

    private String text(Object value, ColumnType type) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Boolean b) {
            return b ? "Yes" : "No";
        }
        if (value instanceof LocalDateTime t) {
            return DATE_TIME.format(t);
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
            if (type == ColumnType.MONEY) {
                return money.format(value);
            }
            return CellText.plain(value);
        }
        if (value instanceof Number n) {
            return integer.format(n.longValue());
        }
        return String.valueOf(value);
    }

    /** "Page X of Y" at the foot of every page; Y is filled in when the document closes. */
    private static final class Footer extends PdfPageEventHelper {

        private final String title;
        private PdfTemplate total;

        Footer(String title) {
            this.title = title;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            String page = "Page " + writer.getPageNumber() + " of ";
            float size = 8;
            float y = document.bottom() - 18;
            float right = document.right();
            float width = REGULAR.getWidthPoint(page, size);
            canvas.beginText();
            canvas.setFontAndSize(REGULAR, size);
            canvas.setColorFill(Color.DARK_GRAY);
            canvas.setTextMatrix(document.left(), y);
            canvas.showText(title);
            canvas.setTextMatrix(right - width - 24, y);
            canvas.showText(page);
            canvas.endText();
            canvas.addTemplate(total, right - 24, y);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(REGULAR, 8);
            total.setColorFill(Color.DARK_GRAY);
            total.setTextMatrix(0, 0);
            total.showText(String.valueOf(writer.getPageNumber() - 1));
            total.endText();
        }
    }
}
