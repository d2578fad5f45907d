package dev.herald.settings.boundary;

/** The organisation's settings as the API shows them. */
public record OrganisationView(
        String clientName,
        String timeZone,
        String fromAddress,
        long attachmentLimitBytes,
        int linkLifetimeDays,
        int fileRetentionDays) {}
