package dev.herald.reports.boundary;

/**
 * A trial of a SQL report as it is being written: its first rows, and how many rows it answers in
 * all ({@code totalRows} null when counting them took longer than a console waits).
 */
public record SqlPreviewView(PreviewView preview, Long totalRows) {}
