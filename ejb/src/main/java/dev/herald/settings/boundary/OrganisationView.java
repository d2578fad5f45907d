package dev.herald.settings.boundary;

/**
 * The organisation's settings as the API shows them. {@code runHistoryRetentionDays} may be left
 * out when changing them (a client written before it existed keeps the value as it is).
 */
public record OrganisationView(
        String clientName,
        String timeZone,
        String fromAddress,
        long attachmentLimitBytes,
        int linkLifetimeDays,
        int fileRetentionDays,
        Integer runHistoryRetentionDays) {}
