package dev.herald.summaries.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Places a {@link Chart} on a canvas as rectangles, lines and text, with y growing downwards. Text
 * widths are estimated (about 0.55 of the font size per character), which is enough to keep labels
 * apart; both painters use the same fonts' proportions.
 *
 * <p>Two canvases: {@link #WIDTH} units for print and wide screens, and {@link #NARROW} for a phone,
 * where the page shows the chart about as many pixels wide as it has units, so that its smallest text
 * ({@link #NARROW_TEXT}) stays legible. On the narrow one a bar's label stands above its bar rather
 * than beside it, so that labels need not be cut, and legends wrap.
 */
public final class ChartLayout {

    public static final double WIDTH = 480;
    /** The phone's canvas: a 390-pixel-wide phone shows the chart about 350 pixels wide. */
    public static final double NARROW = 320;
    /** The smallest text on the narrow canvas. */
    public static final double NARROW_TEXT = 11;

    /** The shapes of one chart, and its height. */
    public record Scene(String title, double width, double height, List<Shape> shapes) {}

    public sealed interface Shape {}

    /** A filled rectangle; the tooltip is what a pointer over it shows on the page. */
    public record Rect(double x, double y, double width, double height, String colour, String tooltip)
            implements Shape {}

    public record Line(double x1, double y1, double x2, double y2, String colour) implements Shape {}

    /** Text whose baseline starts at (x, y), or ends there (anchor END) or is centred on it (MIDDLE). */
    public record Text(double x, double y, String text, double size, boolean bold, Anchor anchor, String colour)
            implements Shape {}

    public enum Anchor {
        START,
        MIDDLE,
        END
    }

    /** A character's width as a share of the font size, about right for sans-serif text. */
    private static final double CHARACTER = 0.56;

    private static final String INK = "#1e293b";
    private static final String MUTED = "#64748b";
    private static final String GRID = "#e2e8f0";

    private ChartLayout() {}

    public static Scene layout(Chart chart) {
        return switch (chart.kind()) {
            case COLUMNS -> columns(chart);
            case BARS -> bars(chart);
            case SHARE -> share(chart, WIDTH);
        };
    }

    /** The chart on the phone's canvas ({@link #NARROW} units wide). */
    public static Scene narrow(Chart chart) {
        return switch (chart.kind()) {
            case COLUMNS -> narrowColumns(chart);
            case BARS -> narrowBars(chart);
            case SHARE -> share(chart, NARROW);
        };
    }

    private static Scene narrowColumns(Chart chart) {
        double width = NARROW;
        List<Shape> shapes = new ArrayList<>();
        double top = wrappedLegend(chart, shapes, width) + 12;
        double height = top + 170;
        double left = 8 + axisWidth(chart);
        double right = width - 6;
        double bottom = height - 26;
        double max = niceMax(max(chart));
        for (int g = 0; g <= 4; g++) {
            double y = bottom - (bottom - top) * g / 4;
            shapes.add(new Line(left, y, right, y, GRID));
            shapes.add(new Text(left - 5, y + 4, number(max * g / 4), NARROW_TEXT, false, Anchor.END, MUTED));
        }
        int n = chart.labels().size();
        int s = chart.series().size();
        double group = (right - left) / Math.max(1, n);
        double bar = group * 0.72 / Math.max(1, s);
        // Every step-th label, so that each has its own room: the widest label and a gap per label.
        double widest = chart.labels().stream()
                .mapToDouble(label -> textWidth(label, NARROW_TEXT))
                .max()
                .orElse(0);
        int step = Math.max(1, (int) Math.ceil((widest + 8) / group));
        for (int i = 0; i < n; i++) {
            double x = left + i * group + group * 0.14;
            for (int k = 0; k < s; k++) {
                Chart.Series series = chart.series().get(k);
                double value = value(series, i);
                double h = max == 0 ? 0 : (bottom - top) * value / max;
                shapes.add(new Rect(
                        x + k * bar,
                        bottom - h,
                        Math.max(1, bar - 1),
                        h,
                        series.colour(),
                        chart.labels().get(i) + " · " + series.name() + ": " + number(value)));
            }
            if (i % step == 0) {
                String label = chart.labels().get(i);
                double half = textWidth(label, NARROW_TEXT) / 2;
                double centre = Math.max(half + 1, Math.min(width - half - 1, left + i * group + group / 2));
                shapes.add(new Text(centre, bottom + 16, label, NARROW_TEXT, false, Anchor.MIDDLE, MUTED));
            }
        }
        return new Scene(chart.title(), width, height, shapes);
    }

    private static Scene narrowBars(Chart chart) {
        double width = NARROW;
        int n = chart.labels().size();
        int s = chart.series().size();
        List<Shape> shapes = new ArrayList<>();
        double top = wrappedLegend(chart, shapes, width) + 4;
        double barHeight = 13;
        double labelHeight = 17;
        double row = labelHeight + s * barHeight + 10;
        double left = 8;
        double valueRoom = 8
                + chart.series().stream()
                        .flatMap(series -> series.values().stream())
                        .mapToDouble(v -> textWidth(number(v == null ? 0 : v), NARROW_TEXT))
                        .max()
                        .orElse(0);
        double right = width - valueRoom;
        double max = max(chart);
        int characters = (int) ((width - left - 4) / (12 * CHARACTER));
        for (int i = 0; i < n; i++) {
            double y = top + i * row;
            shapes.add(new Text(left, y + 13, clip(chart.labels().get(i), characters), 12, false, Anchor.START, INK));
            for (int k = 0; k < s; k++) {
                Chart.Series series = chart.series().get(k);
                double value = value(series, i);
                double w = max == 0 ? 0 : (right - left) * value / max;
                double by = y + labelHeight + k * barHeight;
                shapes.add(new Rect(
                        left,
                        by,
                        Math.max(w, value > 0 ? 1 : 0),
                        barHeight - 2,
                        series.colour(),
                        chart.labels().get(i) + " · " + series.name() + ": " + number(value)));
                shapes.add(new Text(
                        left + w + 4, by + barHeight - 2.5, number(value), NARROW_TEXT, false, Anchor.START, MUTED));
            }
        }
        if (n == 0) {
            shapes.add(new Text(left, top + 14, "Nothing in this period.", 12, false, Anchor.START, MUTED));
        }
        double height = top + Math.max(1, n) * row + 6;
        return new Scene(chart.title(), width, height, shapes);
    }

    /**
     * The series' names with their colours from the left, wrapping onto more lines when they do not
     * fit; answers where the chart below them may begin. One series needs no legend.
     */
    private static double wrappedLegend(Chart chart, List<Shape> shapes, double width) {
        if (chart.series().size() < 2) {
            return 4;
        }
        double x = 8;
        double y = 16;
        for (Chart.Series series : chart.series()) {
            double item = 15 + textWidth(series.name(), NARROW_TEXT);
            if (x > 8 && x + item > width - 8) {
                x = 8;
                y += 18;
            }
            shapes.add(new Rect(x, y - 10, 11, 11, series.colour(), series.name()));
            shapes.add(new Text(x + 15, y, series.name(), NARROW_TEXT, false, Anchor.START, MUTED));
            x += item + 14;
        }
        return y + 8;
    }

    /** Room for the value axis' widest number. */
    private static double axisWidth(Chart chart) {
        return textWidth(number(niceMax(max(chart))), NARROW_TEXT) + 6;
    }

    /** The estimated width of a text. */
    static double textWidth(String text, double size) {
        return text.length() * size * CHARACTER;
    }

    private static Scene columns(Chart chart) {
        double height = 230;
        List<Shape> shapes = new ArrayList<>();
        legend(chart, shapes, 14);
        double left = 38;
        double right = WIDTH - 8;
        double top = 34;
        double bottom = height - 28;
        double max = niceMax(max(chart));
        grid(shapes, left, right, top, bottom, max);
        int n = chart.labels().size();
        int s = chart.series().size();
        double group = (right - left) / Math.max(1, n);
        double bar = group * 0.72 / Math.max(1, s);
        int step = (int) Math.ceil(n / 7.0);
        for (int i = 0; i < n; i++) {
            double x = left + i * group + group * 0.14;
            for (int k = 0; k < s; k++) {
                Chart.Series series = chart.series().get(k);
                double value = value(series, i);
                double h = max == 0 ? 0 : (bottom - top) * value / max;
                shapes.add(new Rect(
                        x + k * bar,
                        bottom - h,
                        Math.max(1, bar - 1),
                        h,
                        series.colour(),
                        chart.labels().get(i) + " · " + series.name() + ": " + number(value)));
            }
            if (i % step == 0) {
                shapes.add(new Text(
                        left + i * group + group / 2,
                        bottom + 14,
                        chart.labels().get(i),
                        9,
                        false,
                        Anchor.MIDDLE,
                        MUTED));
            }
        }
        return new Scene(chart.title(), WIDTH, height, shapes);
    }

    private static Scene bars(Chart chart) {
        int n = chart.labels().size();
        int s = chart.series().size();
        double barHeight = 13;
        double row = s * barHeight + 9;
        double top = 32;
        double height = top + Math.max(1, n) * row + 8;
        List<Shape> shapes = new ArrayList<>();
        legend(chart, shapes, 14);
        double left = 168;
        double right = WIDTH - 30;
        double max = max(chart);
        shapes.add(new Line(left, top - 4, left, height - 6, GRID));
        for (int i = 0; i < n; i++) {
            double y = top + i * row;
            shapes.add(new Text(
                    left - 8, y + s * barHeight / 2 + 4, clip(chart.labels().get(i), 22), 12, false, Anchor.END, INK));
            for (int k = 0; k < s; k++) {
                Chart.Series series = chart.series().get(k);
                double value = value(series, i);
                double w = max == 0 ? 0 : (right - left) * value / max;
                double by = y + k * barHeight;
                shapes.add(new Rect(
                        left,
                        by,
                        Math.max(w, value > 0 ? 1 : 0),
                        barHeight - 2,
                        series.colour(),
                        chart.labels().get(i) + " · " + series.name() + ": " + number(value)));
                shapes.add(new Text(left + w + 4, by + barHeight - 3, number(value), 11, false, Anchor.START, MUTED));
            }
        }
        if (n == 0) {
            shapes.add(new Text(left, top + 12, "Nothing in this period.", 12, false, Anchor.START, MUTED));
        }
        return new Scene(chart.title(), WIDTH, height, shapes);
    }

    private static Scene share(Chart chart, double width) {
        List<Shape> shapes = new ArrayList<>();
        double total =
                chart.series().stream().mapToDouble(series -> value(series, 0)).sum();
        double left = 8;
        double right = width - 8;
        double x = left;
        double legendX = left;
        double legendY = 54;
        for (Chart.Series series : chart.series()) {
            double value = value(series, 0);
            double share = total == 0 ? 0 : value / total;
            double w = (right - left) * share;
            String label = series.name() + " " + number(value) + " (" + Math.round(share * 100) + "%)";
            if (w > 0) {
                shapes.add(new Rect(x, 8, w, 28, series.colour(), label));
            }
            x += w;
            double itemWidth = 15 + label.length() * 12 * CHARACTER;
            if (legendX > left && legendX + itemWidth > right) {
                legendX = left;
                legendY += 20;
            }
            shapes.add(new Rect(legendX, legendY - 10, 11, 11, series.colour(), label));
            shapes.add(new Text(legendX + 15, legendY, label, 12, false, Anchor.START, INK));
            legendX += itemWidth + 14;
        }
        if (total == 0) {
            shapes.add(new Rect(left, 8, right - left, 28, GRID, "No tickets"));
        }
        return new Scene(chart.title(), width, legendY + 10, shapes);
    }

    private static void legend(Chart chart, List<Shape> shapes, double y) {
        if (chart.series().size() < 2) {
            return;
        }
        double x = WIDTH - 8;
        for (int k = chart.series().size() - 1; k >= 0; k--) {
            Chart.Series series = chart.series().get(k);
            shapes.add(new Text(x, y, series.name(), 11, false, Anchor.END, MUTED));
            x -= series.name().length() * 11 * CHARACTER + 4;
            shapes.add(new Rect(x - 10, y - 9, 10, 10, series.colour(), series.name()));
            x -= 22;
        }
    }

    private static void grid(List<Shape> shapes, double left, double right, double top, double bottom, double max) {
        for (int g = 0; g <= 4; g++) {
            double y = bottom - (bottom - top) * g / 4;
            shapes.add(new Line(left, y, right, y, GRID));
            shapes.add(new Text(left - 6, y + 3, number(max * g / 4), 11, false, Anchor.END, MUTED));
        }
    }

    private static double max(Chart chart) {
        return chart.series().stream()
                .flatMap(series -> series.values().stream())
                .mapToDouble(v -> v == null ? 0 : v)
                .max()
                .orElse(0);
    }

    /** The smallest of 1, 2, 2.5, 5 × 10^k at or above the value, so that grid lines fall on round numbers. */
    static double niceMax(double value) {
        if (value <= 0) {
            return 4;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                double max = step * magnitude;
                return max < 4 ? 4 : max;
            }
        }
        return value;
    }

    private static double value(Chart.Series series, int index) {
        Double value = index < series.values().size() ? series.values().get(index) : null;
        return value == null ? 0 : value;
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.UK, "%.1f", value);
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
