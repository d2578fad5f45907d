package dev.herald.summaries.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.summaries.control.Summary.Audience;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The charts as a 390-pixel phone shows them (the canvas about 350 pixels wide): no text smaller
 * than 11 pixels, none past the canvas' edges (cut), none over another. Every chart of the manager's
 * summary, and charts made to be hard: 31 days, long names, three series, big numbers.
 */
class PhoneChartsTest {

    /** How wide a 390-pixel phone shows a chart: the page's and the section's padding taken off. */
    private static final double SHOWN = 390 - 2 * 8 - 2 * 12;

    private static List<Chart> charts() {
        Summary summary = SummaryFigures.compute(
                Audience.MANAGER,
                "Summit Desk",
                HandMadeTickets.PERIOD,
                HandMadeTickets.current(),
                HandMadeTickets.previous());
        List<Chart> charts = new ArrayList<>();
        SummarySections.of(summary).forEach(section -> section.blocks().stream()
                .filter(SummarySections.ChartBlock.class::isInstance)
                .map(block -> ((SummarySections.ChartBlock) block).chart())
                .forEach(charts::add));
        List<String> days =
                IntStream.rangeClosed(1, 31).mapToObj(d -> "Tue " + d).toList();
        List<Double> counts =
                IntStream.rangeClosed(1, 31).mapToObj(d -> d * 1234.0).toList();
        charts.add(new Chart(
                "A month of tickets",
                Chart.Kind.COLUMNS,
                days,
                List.of(
                        new Chart.Series("This period", Chart.CURRENT, counts),
                        new Chart.Series("Previous period", Chart.PREVIOUS, counts),
                        new Chart.Series("The same month last year", Chart.NEUTRAL, counts))));
        charts.add(new Chart(
                "Long names",
                Chart.Kind.BARS,
                List.of("Alexandra Konstantinopoulou-Vanderbilt of Accounts Receivable", "Jo"),
                List.of(
                        new Chart.Series("Opened", Chart.CURRENT, List.of(123456.0, 3.0)),
                        new Chart.Series("Resolved within the agreed time", Chart.GOOD, List.of(99999.5, 0.0)))));
        charts.add(new Chart(
                "Shares",
                Chart.Kind.SHARE,
                List.of("all"),
                List.of(
                        new Chart.Series("Positive", Chart.GOOD, List.of(1200.0)),
                        new Chart.Series("Neutral", Chart.NEUTRAL, List.of(800.0)),
                        new Chart.Series("Frustrated", Chart.BAD, List.of(45.0)))));
        return charts;
    }

    @Test
    void onAPhoneNoTextIsSmallCutOrOverAnother() {
        List<String> problems = new ArrayList<>();
        List<Chart> charts = charts();
        assertThat(charts).hasSizeGreaterThan(6);
        for (Chart chart : charts) {
            ChartLayout.Scene scene = ChartLayout.narrow(chart);
            double scale = SHOWN / scene.width();
            List<double[]> boxes = new ArrayList<>();
            for (ChartLayout.Shape shape : scene.shapes()) {
                if (!(shape instanceof ChartLayout.Text text)) {
                    continue;
                }
                if (text.size() * scale < 11) {
                    problems.add(chart.title() + ": '" + text.text() + "' is " + text.size() * scale + " px");
                }
                double width = ChartLayout.textWidth(text.text(), text.size());
                double left =
                        switch (text.anchor()) {
                            case START -> text.x();
                            case MIDDLE -> text.x() - width / 2;
                            case END -> text.x() - width;
                        };
                double[] box = {left, text.y() - text.size() * 0.8, left + width, text.y() + text.size() * 0.2};
                if (box[0] < 0 || box[2] > scene.width() || box[1] < 0 || box[3] > scene.height()) {
                    problems.add(chart.title() + ": '" + text.text() + "' is cut at the canvas' edge");
                }
                for (double[] other : boxes) {
                    if (Math.min(box[2], other[2]) - Math.max(box[0], other[0]) > 0.5
                            && Math.min(box[3], other[3]) - Math.max(box[1], other[1]) > 0.5) {
                        problems.add(chart.title() + ": '" + text.text() + "' lies over another text");
                    }
                }
                boxes.add(box);
            }
            assertThat(boxes).as(chart.title()).isNotEmpty();
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theWideChartsTextWouldBeTooSmallOnAPhoneWhichIsWhyThePageHasBoth() {
        Chart daily = charts().stream()
                .filter(chart -> chart.kind() == Chart.Kind.COLUMNS)
                .findFirst()
                .orElseThrow();
        ChartLayout.Scene wide = ChartLayout.layout(daily);
        double smallest = wide.shapes().stream()
                .filter(ChartLayout.Text.class::isInstance)
                .mapToDouble(shape -> ((ChartLayout.Text) shape).size())
                .min()
                .orElseThrow();
        assertThat(smallest * SHOWN / wide.width()).isLessThan(8);
        String page = SummaryPage.of(SummaryFigures.compute(
                Audience.OWNER,
                "Summit Desk",
                HandMadeTickets.PERIOD,
                HandMadeTickets.current(),
                HandMadeTickets.previous()));
        assertThat(page).contains("<svg class=\"chart-wide\"", "<svg class=\"chart-narrow\" viewBox=\"0 0 320 ");
    }
}
