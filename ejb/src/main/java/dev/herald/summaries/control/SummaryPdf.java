package dev.herald.summaries.control;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import dev.herald.rendering.control.PdfFonts;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary as a PDF: the same sections, figures, charts and tables as {@link SummaryPage}, on A4.
 * The charts are the same {@link ChartLayout} shapes drawn as vectors, so they stay sharp in print.
 */
public final class SummaryPdf {

    private static final BaseFont REGULAR = PdfFonts.REGULAR;
    private static final BaseFont BOLD = PdfFonts.BOLD;
    private static final Color INK = new Color(0x1e, 0x29, 0x3b);
    private static final Color MUTED = new Color(0x64, 0x74, 0x8b);
    private static final Color TILE = new Color(0xf1, 0xf5, 0xf9);
    private static final Color HEADER = new Color(0xdc, 0xe6, 0xf1);

    private final Document document = new Document(PageSize.A4, 36, 36, 36, 40);
    private PdfWriter writer;

    private SummaryPdf() {}

    public static void write(Summary summary, OutputStream out) throws IOException {
        new SummaryPdf().render(summary, SummarySections.of(summary), out);
    }

    /** The summary's title and period with these sections (a test moves the headings down the pages). */
    static void write(Summary summary, List<SummarySections.Section> sections, OutputStream out) throws IOException {
        new SummaryPdf().render(summary, sections, out);
    }

    private void render(Summary s, List<SummarySections.Section> sections, OutputStream out) throws IOException {
        try {
            writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            document.addTitle(s.organisation() + " · " + s.audience().title());
            document.addCreator("Herald");
            document.open();
            document.add(new Paragraph(s.organisation(), new Font(REGULAR, 10, Font.NORMAL, MUTED)));
            document.add(new Paragraph(s.audience().title(), new Font(BOLD, 18, Font.NORMAL, INK)));
            Paragraph period = new Paragraph(SummaryText.period(s.period()), new Font(REGULAR, 10, Font.NORMAL, INK));
            period.add(new Chunk(
                    "   compared with " + SummaryText.period(s.period().previous()),
                    new Font(REGULAR, 9, Font.NORMAL, MUTED)));
            document.add(period);

            for (SummarySections.Section section : sections) {
                section(section);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IOException("The summary's PDF could not be made: " + e.getMessage(), e);
        }
    }

    // --- pieces

    /**
     * Elements that go onto the page one after another, and how much room the start of them needs
     * on the page: a heading followed by less than that at a page's foot would be left alone there.
     */
    private record Piece(List<Element> elements, float keep) {}

    private static Paragraph heading(String title) {
        Paragraph heading = new Paragraph(title, new Font(BOLD, 13, Font.NORMAL, INK));
        heading.setSpacingBefore(14);
        heading.setSpacingAfter(6);
        return heading;
    }

    private static float height(Paragraph paragraph, int lines) {
        return paragraph.getSpacingBefore() + paragraph.getTotalLeading() * lines + paragraph.getSpacingAfter();
    }

    private static Piece paragraph(Paragraph paragraph) {
        return new Piece(List.of(paragraph), height(paragraph, 2));
    }

    /**
     * A section: its heading goes onto a new page unless the heading and the start of what follows
     * it (the figures, a chart with its caption, a table's head and first rows, two lines of text)
     * fit above the page's foot; each later chart keeps its caption, each table its head, the same way.
     */
    private void section(SummarySections.Section section) throws DocumentException {
        if (section.newPage()) {
            document.newPage();
        }
        List<Piece> pieces = new ArrayList<>();
        if (!section.tiles().isEmpty()) {
            pieces.add(tiles(section.tiles()));
        }
        for (SummarySections.Block block : section.blocks()) {
            if (block instanceof SummarySections.ChartBlock chart) {
                pieces.add(chart(chart.chart()));
            } else if (block instanceof SummarySections.TableBlock table) {
                pieces.add(table(table.table().head(), table.table().rows()));
            } else if (block instanceof SummarySections.NoteBlock note) {
                pieces.add(paragraph(new Paragraph(note.text(), new Font(REGULAR, 9, Font.NORMAL, MUTED))));
            } else if (block instanceof SummarySections.AlertsBlock alerts) {
                for (Summary.Alert alert : alerts.alerts()) {
                    Paragraph line = new Paragraph();
                    line.add(
                            new Chunk(alert.severity().name() + "  ", new Font(BOLD, 9, Font.NORMAL, severity(alert))));
                    line.add(new Chunk(alert.title(), new Font(BOLD, 10, Font.NORMAL, INK)));
                    line.add(new Chunk(" — " + alert.detail(), new Font(REGULAR, 9.5f, Font.NORMAL, INK)));
                    line.setSpacingAfter(3);
                    pieces.add(paragraph(line));
                }
            } else if (block instanceof SummarySections.AdviceBlock advice) {
                int n = 1;
                for (String text : advice.advice()) {
                    Paragraph line = new Paragraph(n++ + ". " + text, new Font(REGULAR, 10, Font.NORMAL, INK));
                    line.setSpacingAfter(3);
                    pieces.add(paragraph(line));
                }
            }
        }
        Paragraph heading = heading(section.title());
        keepRoom(height(heading, 1) + (pieces.isEmpty() ? 0 : pieces.get(0).keep()));
        document.add(heading);
        for (int i = 0; i < pieces.size(); i++) {
            Piece piece = pieces.get(i);
            if (i > 0) {
                keepRoom(piece.keep());
            }
            for (Element element : piece.elements()) {
                document.add(element);
            }
        }
    }

    /** Starts a new page unless this much room is left above the page's foot (at most a page's worth). */
    private void keepRoom(float needed) {
        float left = writer.getVerticalPosition(true) - document.bottom();
        if (left < Math.min(needed, document.top() - document.bottom())) {
            document.newPage();
        }
    }

    private float contentWidth() {
        return document.right() - document.left();
    }

    private Piece tiles(List<SummarySections.Tile> tiles) throws DocumentException {
        PdfPTable table = new PdfPTable(tiles.size());
        table.setTotalWidth(contentWidth());
        table.setLockedWidth(true);
        table.setSpacingAfter(6);
        for (SummarySections.Tile tile : tiles) {
            PdfPCell cell = new PdfPCell();
            cell.setBackgroundColor(TILE);
            cell.setBorderColor(Color.WHITE);
            cell.setBorderWidth(2);
            cell.setPadding(6);
            cell.addElement(new Paragraph(tile.label(), new Font(REGULAR, 8, Font.NORMAL, MUTED)));
            cell.addElement(new Paragraph(tile.value(), new Font(BOLD, 15, Font.NORMAL, INK)));
            cell.addElement(new Paragraph(
                    tile.compared() == null ? "" : SummaryText.change(tile.compared()) + " vs previous",
                    new Font(REGULAR, 8, Font.NORMAL, MUTED)));
            table.addCell(cell);
        }
        return new Piece(List.of(table), table.getTotalHeight() + 6);
    }

    /** A table whose text columns are wider than its figures; it keeps its head with its first rows. */
    private Piece table(List<String> head, List<List<String>> rows) throws DocumentException {
        float[] widths = new float[head.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = rows.isEmpty() || !SummaryText.isFigure(rows.get(0).get(i)) ? 3 : 1.3f;
        }
        PdfPTable table = new PdfPTable(widths.length);
        table.setTotalWidth(contentWidth());
        table.setLockedWidth(true);
        table.setWidths(widths);
        table.setHeaderRows(1);
        table.setSpacingBefore(4);
        table.setSpacingAfter(6);
        Font headFont = new Font(BOLD, 8.5f, Font.NORMAL, INK);
        Font cellFont = new Font(REGULAR, 8.5f, Font.NORMAL, INK);
        for (int i = 0; i < head.size(); i++) {
            PdfPCell cell = new PdfPCell(new Phrase(head.get(i), headFont));
            cell.setBackgroundColor(HEADER);
            cell.setPadding(3);
            boolean figures =
                    !rows.isEmpty() && SummaryText.isFigure(rows.get(0).get(i));
            cell.setHorizontalAlignment(figures ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            table.addCell(cell);
        }
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                PdfPCell cell = new PdfPCell(new Phrase(row.get(i), cellFont));
                cell.setPadding(2.5f);
                cell.setBorderWidth(0.25f);
                cell.setBorderColor(Color.LIGHT_GRAY);
                cell.setHorizontalAlignment(
                        SummaryText.isFigure(row.get(i)) ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
                table.addCell(cell);
            }
        }
        float keep = 4;
        for (int i = 0; i < Math.min(table.size(), 4); i++) {
            keep += table.getRowHeight(i);
        }
        return new Piece(List.of(table), keep);
    }

    /** Draws the chart's shapes into a template (PDF's y grows upwards) and places it at the page's width. */
    private Piece chart(Chart chart) throws DocumentException {
        ChartLayout.Scene scene = ChartLayout.layout(chart);
        float width = (float) scene.width();
        float height = (float) scene.height();
        PdfContentByte canvas = writer.getDirectContent();
        PdfTemplate template = canvas.createTemplate(width, height);
        for (ChartLayout.Shape shape : scene.shapes()) {
            if (shape instanceof ChartLayout.Rect r) {
                if (r.width() <= 0 || r.height() <= 0) {
                    continue;
                }
                template.setColorFill(Color.decode(r.colour()));
                template.rectangle(
                        (float) r.x(), (float) (height - r.y() - r.height()), (float) r.width(), (float) r.height());
                template.fill();
            } else if (shape instanceof ChartLayout.Line l) {
                template.setColorStroke(Color.decode(l.colour()));
                template.setLineWidth(0.6f);
                template.moveTo((float) l.x1(), (float) (height - l.y1()));
                template.lineTo((float) l.x2(), (float) (height - l.y2()));
                template.stroke();
            } else if (shape instanceof ChartLayout.Text t) {
                BaseFont font = t.bold() ? BOLD : REGULAR;
                float size = (float) t.size() * 0.92f;
                float textWidth = font.getWidthPoint(t.text(), size);
                float x = (float) t.x()
                        - (t.anchor() == ChartLayout.Anchor.END
                                ? textWidth
                                : t.anchor() == ChartLayout.Anchor.MIDDLE ? textWidth / 2 : 0);
                template.beginText();
                template.setFontAndSize(font, size);
                template.setColorFill(Color.decode(t.colour()));
                template.setTextMatrix(x, (float) (height - t.y()));
                template.showText(t.text());
                template.endText();
            }
        }
        Image image = Image.getInstance(template);
        float scale = contentWidth() / width;
        image.scaleAbsolute(width * scale, height * scale);
        Paragraph caption = new Paragraph(chart.title(), new Font(BOLD, 9.5f, Font.NORMAL, MUTED));
        caption.setSpacingBefore(4);
        caption.setKeepTogether(true);
        return new Piece(List.of(caption, image), height(caption, 1) + image.getScaledHeight());
    }

    private static Color severity(Summary.Alert alert) {
        return switch (alert.severity()) {
            case HIGH -> new Color(0xdc, 0x26, 0x26);
            case MEDIUM -> new Color(0xd9, 0x77, 0x06);
            case LOW -> MUTED;
        };
    }
}
