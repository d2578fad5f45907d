package dev.herald.settings.boundary;

import dev.herald.platform.boundary.Versioned;

/**
 * The organisation's settings as the API shows them. {@code runHistoryRetentionDays} and
 * {@code currency} (an ISO 4217 code such as GBP) may be left out when changing them (a client
 * written before they existed keeps the values as they are).
 */
public record OrganisationView(
        String clientName,
        String timeZone,
        String fromAddress,
        long attachmentLimitBytes,
        int linkLifetimeDays,
        int fileRetentionDays,
        Integer runHistoryRetentionDays,
        String currency,
        long version)
        implements Versioned {}
