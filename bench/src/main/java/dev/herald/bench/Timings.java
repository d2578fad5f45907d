package dev.herald.bench;

import java.util.Arrays;

/** Durations collected in a run, and their percentiles in milliseconds. */
final class Timings {

    private final double[] millis;
    private int count;

    Timings(int capacity) {
        this.millis = new double[capacity];
    }

    void add(double value) {
        millis[count++] = value;
    }

    void addNanos(long nanos) {
        add(nanos / 1_000_000.0);
    }

    /** Adds every duration another collection holds. */
    void addAll(Timings other) {
        for (int i = 0; i < other.count; i++) {
            add(other.millis[i]);
        }
    }

    double percentile(double p) {
        double[] sorted = Arrays.copyOf(millis, count);
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    double max() {
        return percentile(100);
    }

    int count() {
        return count;
    }

    String summary(String unit) {
        return String.format(
                "p50 %.2f %s, p99 %.2f %s, max %.2f %s (n=%d)",
                percentile(50), unit, percentile(99), unit, max(), unit, count);
    }
}
