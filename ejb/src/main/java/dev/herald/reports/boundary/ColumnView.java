package dev.herald.reports.boundary;

/** A report column as the API shows it. */
public record ColumnView(String name, String label, String type, String format, boolean total) {}
