package dev.herald.summaries.control;

import dev.herald.summaries.control.Summary.Compared;
import java.util.List;
import java.util.Locale;

/**
 * The summary as a web page: plain HTML with the charts as inline SVG, no script, laid out in one
 * column on a phone and in tiles on a wider screen. Pointing at a bar shows its value; longer tables
 * fold open. It is made once per audience when the run renders, and every recipient's link shows
 * that same page, so it never changes after it was sent.
 *
 * <p>The page is served from {@code /summary/<token>/}: its style sheet ({@code ../style.css}) and
 * its PDF ({@code summary.pdf}) are relative to that address, so the page needs no absolute URL.
 */
public final class SummaryPage {

    private final StringBuilder html = new StringBuilder(64 * 1024);
    private int charts;

    private SummaryPage() {}

    public static String of(Summary summary) {
        return new SummaryPage().write(summary);
    }

    private String write(Summary s) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"robots\" content=\"noindex\">")
                .append("<title>")
                .append(esc(s.organisation() + " · " + s.audience().title()))
                .append("</title><link rel=\"stylesheet\" href=\"../style.css\"></head><body><main>");
        html.append("<header><p class=\"org\">")
                .append(esc(s.organisation()))
                .append("</p><h1>")
                .append(esc(s.audience().title()))
                .append("</h1><p class=\"period\">")
                .append(esc(SummaryText.period(s.period())))
                .append(" <span>compared with ")
                .append(esc(SummaryText.period(s.period().previous())))
                .append("</span></p><p><a class=\"pdf\" href=\"summary.pdf\">Download as PDF</a></p></header>");

        for (SummarySections.Section section : SummarySections.of(s)) {
            section(section);
        }
        html.append("<footer>Made by Herald from the service-desk data. Tickets count in the period they were"
                        + " opened; “resolved” means resolved before the period ended.</footer>")
                .append("</main></body></html>\n");
        return html.toString();
    }

    // --- pieces

    private void section(SummarySections.Section section) {
        html.append("<section><h2>").append(esc(section.title())).append("</h2>");
        if (!section.tiles().isEmpty()) {
            html.append("<div class=\"tiles\">");
            for (SummarySections.Tile tile : section.tiles()) {
                html.append(tile(tile));
            }
            html.append("</div>");
        }
        for (SummarySections.Block block : section.blocks()) {
            if (block instanceof SummarySections.ChartBlock chart) {
                chart(chart.chart());
            } else if (block instanceof SummarySections.TableBlock table) {
                table(
                        table.table().caption(),
                        table.table().head(),
                        table.table().rows());
            } else if (block instanceof SummarySections.NoteBlock note) {
                html.append("<p class=\"note\">").append(esc(note.text())).append("</p>");
            } else if (block instanceof SummarySections.AlertsBlock alerts) {
                alerts(alerts.alerts());
            } else if (block instanceof SummarySections.AdviceBlock advice) {
                html.append("<ol class=\"advice\">");
                for (String line : advice.advice()) {
                    html.append("<li>").append(esc(line)).append("</li>");
                }
                html.append("</ol>");
            }
        }
        html.append("</section>");
    }

    private void alerts(List<Summary.Alert> alerts) {
        html.append("<ul class=\"alerts\">");
        for (Summary.Alert alert : alerts) {
            String severity = alert.severity().name().toLowerCase(Locale.ROOT);
            html.append("<li class=\"")
                    .append(severity)
                    .append("\"><span class=\"badge\">")
                    .append(alert.severity().name())
                    .append("</span> <strong>")
                    .append(esc(alert.title()))
                    .append("</strong><br>")
                    .append(esc(alert.detail()))
                    .append("</li>");
        }
        html.append("</ul>");
    }

    /** A figure, and its change against the previous period coloured by whether up is good. */
    private static String tile(SummarySections.Tile tile) {
        StringBuilder html = new StringBuilder("<div class=\"tile\"><span class=\"label\">")
                .append(esc(tile.label()))
                .append("</span><span class=\"value\">")
                .append(esc(tile.value()))
                .append("</span>");
        Compared compared = tile.compared();
        if (compared != null) {
            Double change = compared.change();
            String tone = change == null || Math.round(change * 100) == 0
                    ? "flat"
                    : (change > 0) == tile.upIsGood() ? "good" : "bad";
            html.append("<span class=\"change ")
                    .append(tone)
                    .append("\">")
                    .append(esc(SummaryText.change(compared)))
                    .append(" vs previous</span>");
        }
        return html.append("</div>").toString();
    }

    private void table(String caption, List<String> head, List<List<String>> rows) {
        boolean fold = rows.size() > 8;
        if (fold) {
            html.append("<details><summary>")
                    .append(esc(caption))
                    .append(" (")
                    .append(rows.size())
                    .append(")</summary>");
        }
        html.append("<div class=\"scroll\"><table><caption>")
                .append(esc(caption))
                .append("</caption><thead><tr>");
        for (int i = 0; i < head.size(); i++) {
            boolean figures =
                    !rows.isEmpty() && SummaryText.isFigure(rows.get(0).get(i));
            html.append(figures ? "<th class=\"num\">" : "<th>")
                    .append(esc(head.get(i)))
                    .append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                html.append(SummaryText.isFigure(row.get(i)) ? "<td class=\"num\">" : "<td>")
                        .append(esc(row.get(i)))
                        .append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table></div>");
        if (fold) {
            html.append("</details>");
        }
    }

    /**
     * The chart twice: on the wide canvas, and on the phone's, which the style sheet shows instead
     * on a narrow screen (so that its text is not scaled down to a few pixels).
     */
    private void chart(Chart chart) {
        String id = "chart" + ++charts;
        html.append("<figure><figcaption id=\"")
                .append(id)
                .append("\">")
                .append(esc(chart.title()))
                .append("</figcaption>");
        svg(ChartLayout.layout(chart), id, "chart-wide");
        svg(ChartLayout.narrow(chart), id, "chart-narrow");
        html.append("</figure>");
    }

    private void svg(ChartLayout.Scene scene, String captionId, String kind) {
        html.append("<svg class=\"")
                .append(kind)
                .append("\" viewBox=\"0 0 ")
                .append(num(scene.width()))
                .append(' ')
                .append(num(scene.height()))
                .append("\" role=\"img\" aria-labelledby=\"")
                .append(captionId)
                .append("\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\">");
        for (ChartLayout.Shape shape : scene.shapes()) {
            if (shape instanceof ChartLayout.Rect r) {
                html.append("<rect x=\"")
                        .append(num(r.x()))
                        .append("\" y=\"")
                        .append(num(r.y()))
                        .append("\" width=\"")
                        .append(num(r.width()))
                        .append("\" height=\"")
                        .append(num(r.height()))
                        .append("\" fill=\"")
                        .append(r.colour())
                        .append("\"><title>")
                        .append(esc(r.tooltip()))
                        .append("</title></rect>");
            } else if (shape instanceof ChartLayout.Line l) {
                html.append("<line x1=\"")
                        .append(num(l.x1()))
                        .append("\" y1=\"")
                        .append(num(l.y1()))
                        .append("\" x2=\"")
                        .append(num(l.x2()))
                        .append("\" y2=\"")
                        .append(num(l.y2()))
                        .append("\" stroke=\"")
                        .append(l.colour())
                        .append("\"/>");
            } else if (shape instanceof ChartLayout.Text t) {
                html.append("<text x=\"")
                        .append(num(t.x()))
                        .append("\" y=\"")
                        .append(num(t.y()))
                        .append("\" font-size=\"")
                        .append(num(t.size()))
                        .append("\" fill=\"")
                        .append(t.colour())
                        .append('"')
                        .append(t.bold() ? " font-weight=\"bold\"" : "")
                        .append(
                                t.anchor() == ChartLayout.Anchor.START
                                        ? ""
                                        : t.anchor() == ChartLayout.Anchor.MIDDLE
                                                ? " text-anchor=\"middle\""
                                                : " text-anchor=\"end\"")
                        .append('>')
                        .append(esc(t.text()))
                        .append("</text>");
            }
        }
        html.append("</svg>");
    }

    private static String num(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
