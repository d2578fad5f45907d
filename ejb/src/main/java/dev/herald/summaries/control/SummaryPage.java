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

        section("Service desk summary");
        Summary.Desk desk = s.desk();
        tiles(
                tile("Tickets opened", SummaryText.whole(desk.opened().now()), desk.opened(), false),
                tile("Resolved", SummaryText.percent(desk.resolutionRate().now()), desk.resolutionRate(), true),
                tile("Unresolved", SummaryText.whole(desk.unresolved().now()), desk.unresolved(), false),
                tile(
                        "Average first response",
                        SummaryText.minutes(desk.firstResponseMinutes().now()),
                        desk.firstResponseMinutes(),
                        false),
                tile(
                        "Average resolution time",
                        SummaryText.hours(desk.resolutionHours().now()),
                        desk.resolutionHours(),
                        false));
        chart(SummaryCharts.daily(s));
        end();

        section("Customer sentiment");
        Summary.Sentiment sentiment = s.sentiment();
        tiles(
                tile(
                        "Positive interactions",
                        SummaryText.percent(sentiment.positiveShare().now()),
                        sentiment.positiveShare(),
                        true),
                tile(
                        "Frustrated customers",
                        SummaryText.whole(sentiment.frustratedCustomers().now()),
                        sentiment.frustratedCustomers(),
                        false));
        chart(SummaryCharts.sentiment(s));
        if (!sentiment.customers().isEmpty()) {
            table(
                    "Frustrated customers",
                    List.of("Customer", "Company", "Tickets", "Lowest sentiment"),
                    sentiment.customers().stream()
                            .map(c -> List.of(
                                    c.name(),
                                    c.company(),
                                    String.valueOf(c.tickets()),
                                    SummaryText.decimal(c.lowestSentiment())))
                            .toList());
        }
        end();

        section("Automation impact");
        Summary.Automation automation = s.automation();
        tiles(
                tile(
                        "Auto-resolved",
                        SummaryText.percent(automation.autoResolvedShare().now()),
                        automation.autoResolvedShare(),
                        true),
                tile(
                        "AI-assisted",
                        SummaryText.percent(automation.aiAssistedShare().now()),
                        automation.aiAssistedShare(),
                        true),
                tile("Automation potential", SummaryText.percent(automation.potentialShare()), null, false));
        chart(SummaryCharts.automation(s));
        if (automation.topAutomatableSubject() != null) {
            html.append("<p class=\"note\">Most automatable: “")
                    .append(esc(automation.topAutomatableSubject()))
                    .append("”, ")
                    .append(automation.topAutomatableTickets())
                    .append(" handled by hand.</p>");
        }
        end();

        section("Recurring patterns and alerts");
        if (s.alerts().isEmpty()) {
            html.append("<p class=\"note\">No alerts this period.</p>");
        } else {
            html.append("<ul class=\"alerts\">");
            for (Summary.Alert alert : s.alerts()) {
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
        chart(SummaryCharts.recurring(s));
        end();

        section("Recommendations");
        html.append("<ol class=\"advice\">");
        for (String advice : s.recommendations()) {
            html.append("<li>").append(esc(advice)).append("</li>");
        }
        html.append("</ol>");
        end();

        if (s.forManagers()) {
            managerSections(s);
        }
        html.append("<footer>Made by Herald from the service-desk data. Tickets count in the period they were"
                        + " opened; “resolved” means resolved before the period ended.</footer>")
                .append("</main></body></html>\n");
        return html.toString();
    }

    private void managerSections(Summary s) {
        section("Team performance");
        chart(SummaryCharts.technicians(s));
        table(
                "Per technician",
                List.of("Technician", "Tickets", "Resolved", "Average resolution", "Escalation rate"),
                s.technicians().stream()
                        .map(t -> List.of(
                                t.technician(),
                                String.valueOf(t.tickets()),
                                String.valueOf(t.resolved()),
                                SummaryText.hours(t.resolutionHours()),
                                SummaryText.percent(t.escalationRate())))
                        .toList());
        end();

        section("Technician and client affinities");
        if (s.affinities().isEmpty()) {
            html.append("<p class=\"note\">No technician handled two tickets of one company.</p>");
        } else {
            table(
                    "Who works for whom",
                    List.of("Technician", "Company", "Tickets", "Share of the technician's"),
                    s.affinities().stream()
                            .map(a -> List.of(
                                    a.technician(),
                                    a.company(),
                                    String.valueOf(a.tickets()),
                                    SummaryText.percent(a.shareOfTechnician())))
                            .toList());
        }
        end();

        section("Escalation patterns");
        Summary.Escalations escalations = s.escalations();
        tiles(
                tile("Escalated", SummaryText.whole(escalations.escalated().now()), escalations.escalated(), false),
                tile("Escalation rate", SummaryText.percent(escalations.rate().now()), escalations.rate(), false));
        chart(SummaryCharts.escalations(s));
        if (!escalations.byLevel().isEmpty()) {
            table(
                    "By level",
                    List.of("Level", "Tickets"),
                    escalations.byLevel().stream()
                            .map(l -> List.of(String.valueOf(l.level()), String.valueOf(l.tickets())))
                            .toList());
        }
        end();

        section("Company breakdown");
        chart(SummaryCharts.companies(s));
        table(
                "Per company",
                List.of(
                        "Company",
                        "Tickets",
                        "Resolved",
                        "Average resolution",
                        "Escalated",
                        "Positive",
                        "Average sentiment"),
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
        end();
    }

    // --- pieces

    private void section(String title) {
        html.append("<section><h2>").append(esc(title)).append("</h2>");
    }

    private void end() {
        html.append("</section>");
    }

    private void tiles(String... tiles) {
        html.append("<div class=\"tiles\">");
        for (String tile : tiles) {
            html.append(tile);
        }
        html.append("</div>");
    }

    /** A figure, and its change against the previous period coloured by whether up is good. */
    private static String tile(String label, String value, Compared compared, boolean upIsGood) {
        StringBuilder tile = new StringBuilder("<div class=\"tile\"><span class=\"label\">")
                .append(esc(label))
                .append("</span><span class=\"value\">")
                .append(esc(value))
                .append("</span>");
        if (compared != null) {
            Double change = compared.change();
            String tone = change == null || Math.round(change * 100) == 0
                    ? "flat"
                    : (change > 0) == upIsGood ? "good" : "bad";
            tile.append("<span class=\"change ")
                    .append(tone)
                    .append("\">")
                    .append(esc(SummaryText.change(compared)))
                    .append(" vs previous</span>");
        }
        return tile.append("</div>").toString();
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

    private void chart(Chart chart) {
        ChartLayout.Scene scene = ChartLayout.layout(chart);
        String id = "chart" + ++charts;
        html.append("<figure><figcaption id=\"")
                .append(id)
                .append("\">")
                .append(esc(chart.title()))
                .append("</figcaption><svg viewBox=\"0 0 ")
                .append(num(scene.width()))
                .append(' ')
                .append(num(scene.height()))
                .append("\" role=\"img\" aria-labelledby=\"")
                .append(id)
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
        html.append("</svg></figure>");
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
