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
import dev.herald.summaries.control.Summary.Compared;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
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
        new SummaryPdf().render(summary, out);
    }

    private void render(Summary s, OutputStream out) throws IOException {
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

            heading("Service desk summary");
            Summary.Desk desk = s.desk();
            tiles(
                    tile("Tickets opened", SummaryText.whole(desk.opened().now()), desk.opened()),
                    tile("Resolved", SummaryText.percent(desk.resolutionRate().now()), desk.resolutionRate()),
                    tile("Unresolved", SummaryText.whole(desk.unresolved().now()), desk.unresolved()),
                    tile(
                            "Average first response",
                            SummaryText.minutes(desk.firstResponseMinutes().now()),
                            desk.firstResponseMinutes()),
                    tile(
                            "Average resolution time",
                            SummaryText.hours(desk.resolutionHours().now()),
                            desk.resolutionHours()));
            chart(SummaryCharts.daily(s));

            heading("Customer sentiment");
            Summary.Sentiment sentiment = s.sentiment();
            tiles(
                    tile(
                            "Positive interactions",
                            SummaryText.percent(sentiment.positiveShare().now()),
                            sentiment.positiveShare()),
                    tile(
                            "Frustrated customers",
                            SummaryText.whole(sentiment.frustratedCustomers().now()),
                            sentiment.frustratedCustomers()));
            chart(SummaryCharts.sentiment(s));
            if (!sentiment.customers().isEmpty()) {
                table(
                        List.of("Frustrated customer", "Company", "Tickets", "Lowest sentiment"),
                        new float[] {3, 3, 1, 1.5f},
                        sentiment.customers().stream()
                                .map(c -> List.of(
                                        c.name(),
                                        c.company(),
                                        String.valueOf(c.tickets()),
                                        SummaryText.decimal(c.lowestSentiment())))
                                .toList());
            }

            heading("Automation impact");
            Summary.Automation automation = s.automation();
            tiles(
                    tile(
                            "Auto-resolved",
                            SummaryText.percent(automation.autoResolvedShare().now()),
                            automation.autoResolvedShare()),
                    tile(
                            "AI-assisted",
                            SummaryText.percent(automation.aiAssistedShare().now()),
                            automation.aiAssistedShare()),
                    tile("Automation potential", SummaryText.percent(automation.potentialShare()), null));
            chart(SummaryCharts.automation(s));
            if (automation.topAutomatableSubject() != null) {
                note("Most automatable: “" + automation.topAutomatableSubject() + "”, "
                        + automation.topAutomatableTickets() + " handled by hand.");
            }

            heading("Recurring patterns and alerts");
            if (s.alerts().isEmpty()) {
                note("No alerts this period.");
            }
            for (Summary.Alert alert : s.alerts()) {
                Paragraph line = new Paragraph();
                line.add(new Chunk(alert.severity().name() + "  ", new Font(BOLD, 9, Font.NORMAL, severity(alert))));
                line.add(new Chunk(alert.title(), new Font(BOLD, 10, Font.NORMAL, INK)));
                line.add(new Chunk(" — " + alert.detail(), new Font(REGULAR, 9.5f, Font.NORMAL, INK)));
                line.setSpacingAfter(3);
                document.add(line);
            }
            chart(SummaryCharts.recurring(s));

            heading("Recommendations");
            int n = 1;
            for (String advice : s.recommendations()) {
                Paragraph line = new Paragraph(n++ + ". " + advice, new Font(REGULAR, 10, Font.NORMAL, INK));
                line.setSpacingAfter(3);
                document.add(line);
            }

            if (s.forManagers()) {
                managerSections(s);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IOException("The summary's PDF could not be made: " + e.getMessage(), e);
        }
    }

    private void managerSections(Summary s) throws DocumentException {
        document.newPage();
        heading("Team performance");
        chart(SummaryCharts.technicians(s));
        table(
                List.of("Technician", "Tickets", "Resolved", "Average resolution", "Escalation rate"),
                new float[] {3, 1, 1, 1.5f, 1.5f},
                s.technicians().stream()
                        .map(t -> List.of(
                                t.technician(),
                                String.valueOf(t.tickets()),
                                String.valueOf(t.resolved()),
                                SummaryText.hours(t.resolutionHours()),
                                SummaryText.percent(t.escalationRate())))
                        .toList());

        heading("Technician and client affinities");
        if (s.affinities().isEmpty()) {
            note("No technician handled two tickets of one company.");
        } else {
            table(
                    List.of("Technician", "Company", "Tickets", "Share of the technician's"),
                    new float[] {3, 3, 1, 1.5f},
                    s.affinities().stream()
                            .map(a -> List.of(
                                    a.technician(),
                                    a.company(),
                                    String.valueOf(a.tickets()),
                                    SummaryText.percent(a.shareOfTechnician())))
                            .toList());
        }

        heading("Escalation patterns");
        Summary.Escalations escalations = s.escalations();
        tiles(
                tile("Escalated", SummaryText.whole(escalations.escalated().now()), escalations.escalated()),
                tile("Escalation rate", SummaryText.percent(escalations.rate().now()), escalations.rate()));
        chart(SummaryCharts.escalations(s));
        if (!escalations.byLevel().isEmpty()) {
            table(
                    List.of("Escalation level", "Tickets"),
                    new float[] {2, 1},
                    escalations.byLevel().stream()
                            .map(l -> List.of(String.valueOf(l.level()), String.valueOf(l.tickets())))
                            .toList());
        }

        heading("Company breakdown");
        chart(SummaryCharts.companies(s));
        table(
                List.of("Company", "Tickets", "Resolved", "Average resolution", "Escalated", "Positive", "Sentiment"),
                new float[] {3, 1, 1, 1.4f, 1, 1, 1.1f},
                s.companies().stream()
                        .map(c -> List.of(
                                c.company(),
                                String.valueOf(c.tickets()),
                                String.valueOf(c.resolved()),
                                SummaryText.hours(c.resolutionHours()),
                                String.valueOf(c.escalated()),
                                SummaryText.percent(c.positiveShare()),
                                SummaryText.decimal(c.averageSentiment())))
                        .toList());
    }

    // --- pieces

    private void heading(String title) throws DocumentException {
        Paragraph heading = new Paragraph(title, new Font(BOLD, 13, Font.NORMAL, INK));
        heading.setSpacingBefore(14);
        heading.setSpacingAfter(6);
        document.add(heading);
    }

    private void note(String text) throws DocumentException {
        document.add(new Paragraph(text, new Font(REGULAR, 9, Font.NORMAL, MUTED)));
    }

    private record Tile(String label, String value, String change) {}

    private static Tile tile(String label, String value, Compared compared) {
        return new Tile(label, value, compared == null ? "" : SummaryText.change(compared) + " vs previous");
    }

    private void tiles(Tile... tiles) throws DocumentException {
        PdfPTable table = new PdfPTable(tiles.length);
        table.setWidthPercentage(100);
        table.setSpacingAfter(6);
        for (Tile tile : tiles) {
            PdfPCell cell = new PdfPCell();
            cell.setBackgroundColor(TILE);
            cell.setBorderColor(Color.WHITE);
            cell.setBorderWidth(2);
            cell.setPadding(6);
            cell.addElement(new Paragraph(tile.label(), new Font(REGULAR, 8, Font.NORMAL, MUTED)));
            cell.addElement(new Paragraph(tile.value(), new Font(BOLD, 15, Font.NORMAL, INK)));
            cell.addElement(new Paragraph(tile.change(), new Font(REGULAR, 8, Font.NORMAL, MUTED)));
            table.addCell(cell);
        }
        document.add(table);
    }

    private void table(List<String> head, float[] widths, List<List<String>> rows) throws DocumentException {
        PdfPTable table = new PdfPTable(widths.length);
        table.setWidthPercentage(100);
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
        document.add(table);
    }

    /** Draws the chart's shapes into a template (PDF's y grows upwards) and places it at the page's width. */
    private void chart(Chart chart) throws DocumentException {
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
        float scale = (document.right() - document.left()) / width;
        image.scaleAbsolute(width * scale, height * scale);
        Paragraph caption = new Paragraph(chart.title(), new Font(BOLD, 9.5f, Font.NORMAL, MUTED));
        caption.setSpacingBefore(4);
        caption.setKeepTogether(true);
        document.add(caption);
        document.add(image);
    }

    private static Color severity(Summary.Alert alert) {
        return switch (alert.severity()) {
            case HIGH -> new Color(0xdc, 0x26, 0x26);
            case MEDIUM -> new Color(0xd9, 0x77, 0x06);
            case LOW -> MUTED;
        };
    }
}
