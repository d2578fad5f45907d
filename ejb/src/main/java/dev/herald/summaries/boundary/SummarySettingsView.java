package dev.herald.summaries.boundary;

import dev.herald.platform.boundary.Versioned;
import java.time.Instant;
import java.util.List;

/**
 * The summary settings, in and out. In: every field but {@code nextSends} and {@code updatedAt}.
 * {@code sendDay} is MONDAY…SUNDAY, {@code sendTime} HH:mm in {@code timeZone}; {@code periodDays} 7,
 * 14 or 30. Out: also the next times the summaries will be sent (none while disabled).
 */
public record SummarySettingsView(
        Boolean enabled,
        String organisationName,
        List<String> ownerEmails,
        List<String> managerEmails,
        Integer periodDays,
        String sendDay,
        String sendTime,
        String timeZone,
        List<Instant> nextSends,
        Instant updatedAt,
        long version)
        implements Versioned {}
