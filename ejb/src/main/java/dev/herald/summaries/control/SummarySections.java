package dev.herald.summaries.control;

import dev.herald.summaries.control.Summary.Compared;
import java.util.ArrayList;
import java.util.List;

/**
 * What a summary shows, section by section, independent of the medium: figures as tiles, charts,
 * tables, notes, alerts and advice. {@link SummaryPage} and {@link SummaryPdf} each draw these same
 * sections, so the page and the PDF cannot drift apart.
 */
public final class SummarySections {

    /** A figure, and whether its rising is good news (green) or bad (red). */
    public record Tile(String label, String value, Compared compared, boolean upIsGood) {}

    public record Table(String caption, List<String> head, List<List<String>> rows) {}

    /** One part of a section. */
    public sealed interface Block {}

    public record ChartBlock(Chart chart) implements Block {}

    public record TableBlock(Table table) implements Block {}

    public record NoteBlock(String text) implements Block {}

    public record AlertsBlock(List<Summary.Alert> alerts) implements Block {}

    public record AdviceBlock(List<String> advice) implements Block {}

    /** A section; {@code newPage} starts it on a new page in print (the manager part). */
    public record Section(String title, boolean newPage, List<Tile> tiles, List<Block> blocks) {}

    private SummarySections() {}

    public static List<Section> of(Summary s) {
        List<Section> sections = new ArrayList<>();
        Summary.Desk desk = s.desk();
        sections.add(new Section(
                "Service desk summary",
                false,
                List.of(
                        new Tile(
                                "Tickets opened",
                                SummaryText.whole(desk.opened().now()),
                                desk.opened(),
                                false),
                        new Tile(
                                "Resolved",
                                SummaryText.percent(desk.resolutionRate().now()),
                                desk.resolutionRate(),
                                true),
                        new Tile(
                                "Unresolved",
                                SummaryText.whole(desk.unresolved().now()),
                                desk.unresolved(),
                                false),
                        new Tile(
                                "Average first response",
                                SummaryText.minutes(desk.firstResponseMinutes().now()),
                                desk.firstResponseMinutes(),
                                false),
                        new Tile(
                                "Average resolution time",
                                SummaryText.hours(desk.resolutionHours().now()),
                                desk.resolutionHours(),
                                false)),
                List.of(new ChartBlock(SummaryCharts.daily(s)))));

        Summary.Sentiment sentiment = s.sentiment();
        List<Block> sentimentBlocks = new ArrayList<>(List.of(new ChartBlock(SummaryCharts.sentiment(s))));
        if (!sentiment.customers().isEmpty()) {
            sentimentBlocks.add(new TableBlock(new Table(
                    "Frustrated customers",
                    List.of("Customer", "Company", "Tickets", "Lowest sentiment"),
                    sentiment.customers().stream()
                            .map(c -> List.of(
                                    c.name(),
                                    c.company(),
                                    String.valueOf(c.tickets()),
                                    SummaryText.decimal(c.lowestSentiment())))
                            .toList())));
        }
        sections.add(new Section(
                "Customer sentiment",
                false,
                List.of(
                        new Tile(
                                "Positive interactions",
                                SummaryText.percent(sentiment.positiveShare().now()),
                                sentiment.positiveShare(),
                                true),
                        new Tile(
                                "Frustrated customers",
                                SummaryText.whole(
                                        sentiment.frustratedCustomers().now()),
                                sentiment.frustratedCustomers(),
                                false)),
                sentimentBlocks));

        Summary.Automation automation = s.automation();
        List<Block> automationBlocks = new ArrayList<>(List.of(new ChartBlock(SummaryCharts.automation(s))));
        if (automation.topAutomatableSubject() != null) {
            automationBlocks.add(new NoteBlock("Most automatable: “" + automation.topAutomatableSubject() + "”, "
                    + automation.topAutomatableTickets() + " handled by hand."));
        }
        sections.add(new Section(
                "Automation impact",
                false,
                List.of(
                        new Tile(
                                "Auto-resolved",
                                SummaryText.percent(
                                        automation.autoResolvedShare().now()),
                                automation.autoResolvedShare(),
                                true),
                        new Tile(
                                "AI-assisted",
                                SummaryText.percent(automation.aiAssistedShare().now()),
                                automation.aiAssistedShare(),
                                true),
                        new Tile(
                                "Automation potential", SummaryText.percent(automation.potentialShare()), null, false)),
                automationBlocks));

        sections.add(new Section(
                "Recurring patterns and alerts",
                false,
                List.of(),
                List.of(
                        s.alerts().isEmpty() ? new NoteBlock("No alerts this period.") : new AlertsBlock(s.alerts()),
                        new ChartBlock(SummaryCharts.recurring(s)))));
        sections.add(new Section("Recommendations", false, List.of(), List.of(new AdviceBlock(s.recommendations()))));
        if (s.forManagers()) {
            managerSections(s, sections);
        }
        return sections;
    }

    private static void managerSections(Summary s, List<Section> sections) {
        sections.add(new Section(
                "Team performance",
                true,
                List.of(),
                List.of(
                        new ChartBlock(SummaryCharts.technicians(s)),
                        new TableBlock(new Table(
                                "Per technician",
                                List.of("Technician", "Tickets", "Resolved", "Average resolution", "Escalation rate"),
                                s.technicians().stream()
                                        .map(t -> List.of(
                                                t.technician(),
                                                String.valueOf(t.tickets()),
                                                String.valueOf(t.resolved()),
                                                SummaryText.hours(t.resolutionHours()),
                                                SummaryText.percent(t.escalationRate())))
                                        .toList())))));
        sections.add(new Section(
                "Technician and client affinities",
                false,
                List.of(),
                List.of(
                        s.affinities().isEmpty()
                                ? new NoteBlock("No technician handled two tickets of one company.")
                                : new TableBlock(new Table(
                                        "Who works for whom",
                                        List.of("Technician", "Company", "Tickets", "Share of the technician's"),
                                        s.affinities().stream()
                                                .map(a -> List.of(
                                                        a.technician(),
                                                        a.company(),
                                                        String.valueOf(a.tickets()),
                                                        SummaryText.percent(a.shareOfTechnician())))
                                                .toList())))));
        Summary.Escalations escalations = s.escalations();
        List<Block> escalationBlocks = new ArrayList<>(List.of(new ChartBlock(SummaryCharts.escalations(s))));
        if (!escalations.byLevel().isEmpty()) {
            escalationBlocks.add(new TableBlock(new Table(
                    "By level",
                    List.of("Level", "Tickets"),
                    escalations.byLevel().stream()
                            .map(l -> List.of(String.valueOf(l.level()), String.valueOf(l.tickets())))
                            .toList())));
        }
        sections.add(new Section(
                "Escalation patterns",
                false,
                List.of(
                        new Tile(
                                "Escalated",
                                SummaryText.whole(escalations.escalated().now()),
                                escalations.escalated(),
                                false),
                        new Tile(
                                "Escalation rate",
                                SummaryText.percent(escalations.rate().now()),
                                escalations.rate(),
                                false)),
                escalationBlocks));
        sections.add(new Section(
                "Company breakdown",
                false,
                List.of(),
                List.of(
                        new ChartBlock(SummaryCharts.companies(s)),
                        new TableBlock(new Table(
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
                                        .toList())))));
    }
}
