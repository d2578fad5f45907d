package dev.herald.summaries.boundary;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What one audience's summary looks like, for staff: the page of the latest one made ({@code runId}
 * and {@code madeAt} say which), or, when none was made yet, a page made now from the saved settings
 * ({@code madeNow}), which is sent to nobody and kept nowhere.
 */
public record SummaryPreviewView(
        String audience,
        String title,
        LocalDate periodFrom,
        LocalDate periodTo,
        Long runId,
        Instant madeAt,
        boolean madeNow,
        String page) {}
