package dev.herald.summaries.control;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a summary writes its numbers and dates, the same on the page, in the PDF and in the e-mail. */
public final class SummaryText {

    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    public static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d", Locale.UK);

    private SummaryText() {}

    /** "42%", or "–" for nothing to show. */
    public static String percent(Double fraction) {
        return fraction == null ? "–" : Math.round(fraction * 100) + "%";
    }

    /** "+12%", "−8%", "±0%" or "–": a change against the previous period. */
    public static String change(Double fraction) {
        if (fraction == null) {
            return "–";
        }
        long rounded = Math.round(fraction * 100);
        return rounded > 0 ? "+" + rounded + "%" : rounded < 0 ? "−" + -rounded + "%" : "±0%";
    }

    /** "−25 pts" for a share, "+12%" for anything else: how a figure moved since the previous period. */
    public static String change(Summary.Compared compared) {
        Double change = compared.change();
        if (!compared.share() || change == null) {
            return change(change);
        }
        long points = Math.round(change * 100);
        return (points > 0 ? "+" + points : points < 0 ? "−" + -points : "±0") + " pts";
    }

    public static String whole(Double value) {
        return value == null ? "–" : String.valueOf(Math.round(value));
    }

    /** "34 min", or "2.5 h" from two hours on. */
    public static String minutes(Double value) {
        if (value == null) {
            return "–";
        }
        return value >= 120 ? hours(value / 60) : Math.round(value) + " min";
    }

    public static String hours(Double value) {
        return value == null ? "–" : String.format(Locale.UK, "%.1f h", value);
    }

    public static String decimal(double value) {
        return String.format(Locale.UK, "%.2f", value);
    }

    /** True for what a table aligns right: figures ("12", "-0.41", "33%", "2.5 h") and the dash of none. */
    public static boolean isFigure(String text) {
        return text != null && text.matches("[−+-]?[0-9][0-9.,]*( ?(%|h|min))?|–");
    }

    public static String period(SummaryPeriod period) {
        return DAY.format(period.from()) + " – " + DAY.format(period.to());
    }
}
