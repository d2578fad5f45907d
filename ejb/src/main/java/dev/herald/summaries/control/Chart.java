package dev.herald.summaries.control;

import java.util.List;

/**
 * A chart as data: what it shows, not how. {@link ChartLayout} places it once, and the page (SVG) and
 * the PDF each draw the same shapes, so the two always show the same picture.
 */
public record Chart(String title, Kind kind, List<String> labels, List<Series> series) {

    public enum Kind {
        /** Upright columns per label, one per series side by side (tickets per day). */
        COLUMNS,
        /** Horizontal bars per label, one per series (per technician, per company). */
        BARS,
        /** One bar split into the series' shares; each series has one value (sentiment, automation). */
        SHARE
    }

    /** Values in the order of the labels; colour as #rrggbb. */
    public record Series(String name, String colour, List<Double> values) {}

    public static final String CURRENT = "#2563eb";
    public static final String PREVIOUS = "#cbd5e1";
    public static final String GOOD = "#16a34a";
    public static final String NEUTRAL = "#94a3b8";
    public static final String BAD = "#dc2626";
    public static final String AUTOMATED = "#7c3aed";
    public static final String ASSISTED = "#0891b2";
}
