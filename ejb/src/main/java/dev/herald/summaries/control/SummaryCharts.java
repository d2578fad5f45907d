package dev.herald.summaries.control;

import java.util.ArrayList;
import java.util.List;

/** The charts of a summary, the same on the page and in the PDF. */
public final class SummaryCharts {

    private SummaryCharts() {}

    public static Chart daily(Summary summary) {
        List<String> labels = new ArrayList<>();
        List<Double> now = new ArrayList<>();
        List<Double> before = new ArrayList<>();
        for (Summary.DailyCount day : summary.daily()) {
            labels.add(SummaryText.SHORT_DAY.format(day.day()));
            now.add((double) day.opened());
            before.add((double) day.openedBefore());
        }
        return new Chart(
                "Tickets opened per day",
                Chart.Kind.COLUMNS,
                labels,
                List.of(
                        new Chart.Series("This period", Chart.CURRENT, now),
                        new Chart.Series("Previous period", Chart.PREVIOUS, before)));
    }

    public static Chart sentiment(Summary summary) {
        Summary.Sentiment s = summary.sentiment();
        return new Chart(
                "Positive, neutral and frustrated interactions",
                Chart.Kind.SHARE,
                List.of(),
                List.of(
                        new Chart.Series("Positive", Chart.GOOD, List.of((double) s.positive())),
                        new Chart.Series("Neutral", Chart.NEUTRAL, List.of((double) s.neutral())),
                        new Chart.Series("Frustrated", Chart.BAD, List.of((double) s.frustrated()))));
    }

    public static Chart automation(Summary summary) {
        Summary.Automation a = summary.automation();
        double byHand = summary.desk().opened().now() - a.autoResolved() - a.aiAssisted();
        return new Chart(
                "How tickets were handled",
                Chart.Kind.SHARE,
                List.of(),
                List.of(
                        new Chart.Series("Auto-resolved", Chart.AUTOMATED, List.of((double) a.autoResolved())),
                        new Chart.Series("AI-assisted", Chart.ASSISTED, List.of((double) a.aiAssisted())),
                        new Chart.Series("By hand", Chart.PREVIOUS, List.of(byHand))));
    }

    public static Chart recurring(Summary summary) {
        return new Chart(
                "Top recurring issues",
                Chart.Kind.BARS,
                summary.recurring().stream().map(Summary.Recurring::subject).toList(),
                List.of(
                        new Chart.Series(
                                "This period",
                                Chart.CURRENT,
                                summary.recurring().stream()
                                        .map(r -> (double) r.tickets())
                                        .toList()),
                        new Chart.Series(
                                "Previous period",
                                Chart.PREVIOUS,
                                summary.recurring().stream()
                                        .map(r -> (double) r.ticketsBefore())
                                        .toList())));
    }

    public static Chart technicians(Summary summary) {
        return new Chart(
                "Tickets per technician",
                Chart.Kind.BARS,
                summary.technicians().stream()
                        .map(Summary.TechnicianRow::technician)
                        .toList(),
                List.of(
                        new Chart.Series(
                                "Assigned",
                                Chart.PREVIOUS,
                                summary.technicians().stream()
                                        .map(t -> (double) t.tickets())
                                        .toList()),
                        new Chart.Series(
                                "Resolved",
                                Chart.CURRENT,
                                summary.technicians().stream()
                                        .map(t -> (double) t.resolved())
                                        .toList())));
    }

    public static Chart escalations(Summary summary) {
        return new Chart(
                "Escalations by category",
                Chart.Kind.BARS,
                summary.escalations().byCategory().stream()
                        .map(Summary.CategoryEscalation::category)
                        .toList(),
                List.of(new Chart.Series(
                        "Escalated",
                        Chart.BAD,
                        summary.escalations().byCategory().stream()
                                .map(c -> (double) c.escalated())
                                .toList())));
    }

    public static Chart companies(Summary summary) {
        List<Summary.CompanyRow> top = summary.companies().stream().limit(10).toList();
        return new Chart(
                "Tickets per company (ten busiest)",
                Chart.Kind.BARS,
                top.stream().map(Summary.CompanyRow::company).toList(),
                List.of(new Chart.Series(
                        "Tickets",
                        Chart.CURRENT,
                        top.stream().map(c -> (double) c.tickets()).toList())));
    }
}
