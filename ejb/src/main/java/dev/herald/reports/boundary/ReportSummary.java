package dev.herald.reports.boundary;

/** A report in a list of the catalog. */
public record ReportSummary(String key, String name, String description, String category, boolean builtIn) {}
